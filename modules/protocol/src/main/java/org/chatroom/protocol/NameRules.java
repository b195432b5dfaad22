package org.chatroom.protocol;

/**
 * What a valid nick and room name look like (Modern IRC client protocol, "Clients" and "Channels").
 * Each check returns null when the name is fine, or a short reason a user can act on.
 */
public final class NameRules {
    /** Characters a nick may hold besides letters and digits (RFC 2812 "special"). */
    private static final String NICK_SPECIAL = "[]\\`_^{|}-";

    private NameRules() {
    }

    /** Returns null if {@code nick} is a valid nick no longer than {@code maxLength}, else why not. */
    public static String nickProblem(String nick, int maxLength) {
        if (nick == null || nick.isEmpty()) {
            return "nick is empty";
        }
        if (nick.length() > maxLength) {
            return "nick is longer than " + maxLength + " characters";
        }
        char first = nick.charAt(0);
        if (!isLetter(first) && NICK_SPECIAL.indexOf(first) < 0 || first == '-') {
            return "nick must start with a letter or one of []\\`_^{|}";
        }
        for (int i = 1; i < nick.length(); i++) {
            char c = nick.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && NICK_SPECIAL.indexOf(c) < 0) {
                return "nick may hold only letters, digits and []\\`_^{|}-";
            }
        }
        return null;
    }

    public static boolean isValidNick(String nick, int maxLength) {
        return nickProblem(nick, maxLength) == null;
    }

    /** Returns null if {@code room} is a valid room name no longer than {@code maxLength}, else why not. */
    public static String roomProblem(String room, int maxLength) {
        if (room == null || room.length() < 2) {
            return "room name must be '#' followed by at least one character";
        }
        if (room.charAt(0) != '#') {
            return "room name must start with '#'";
        }
        if (room.length() > maxLength) {
            return "room name is longer than " + maxLength + " characters";
        }
        for (int i = 1; i < room.length(); i++) {
            char c = room.charAt(i);
            if (c == ' ' || c == ',' || c == 7 || c == ':' || c < 32 || c == 127) {
                return "room name may not hold spaces, commas, colons or control characters";
            }
        }
        return null;
    }

    public static boolean isValidRoom(String room, int maxLength) {
        return roomProblem(room, maxLength) == null;
    }

    /** True if {@code target} names a room rather than a nick. */
    public static boolean isRoomName(String target) {
        return !target.isEmpty() && target.charAt(0) == '#';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
