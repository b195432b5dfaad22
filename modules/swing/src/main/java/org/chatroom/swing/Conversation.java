package org.chatroom.swing;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One tab: the server tab, a room, or a private conversation. Keeps at most {@code maxLines} lines
 * (oldest dropped first), the members of a room, its topic and the unread count. Confined to the UI thread.
 */
final class Conversation {
    private static final String STATUS_PREFIXES = "~&@%+";

    enum Type { SERVER, ROOM, PRIVATE }

    private final Type type;
    private String name;
    private final int maxLines;
    private final Deque<ChatLine> lines = new ArrayDeque<>();
    private final Map<String, String> members = new LinkedHashMap<>();
    private String topic = "";
    private int unread;
    private boolean mentioned;
    private boolean joined;
    /** How far the user has read (draft/read-marker), or null; and whether the "new" divider is placed. */
    private Instant readUpTo;
    private boolean dividerPlaced;
    /** An older page was asked for and has not come; the server has nothing older. */
    private boolean loadingOlder;
    private boolean olderExhausted;

    Conversation(Type type, String name, int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be at least 1: " + maxLines);
        }
        this.type = type;
        this.name = name;
        this.maxLines = maxLines;
    }

    /** The case-insensitive key of a room or nick (RFC 1459 case mapping). */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace('[', '{').replace(']', '}').replace('\\', '|').replace('~', '^');
    }

    /** A member entry without its status prefix ({@code @alice} → {@code alice}). */
    static String bareNick(String entry) {
        int i = 0;
        while (i < entry.length() - 1 && STATUS_PREFIXES.indexOf(entry.charAt(i)) >= 0) {
            i++;
        }
        return entry.substring(i);
    }

    Type type() {
        return type;
    }

    String name() {
        return name;
    }

    /** A private conversation follows its peer's nick changes. */
    void rename(String newName) {
        this.name = newName;
    }

    int maxLines() {
        return maxLines;
    }

    /** Adds a line; returns how many old lines were dropped to stay within the cap (0 or 1). */
    int add(ChatLine line) {
        lines.addLast(line);
        int dropped = 0;
        while (lines.size() > maxLines) {
            lines.removeFirst();
            dropped++;
        }
        return dropped;
    }

    /**
     * Puts an older page above the first line, as much of it as fits the cap (its newest lines);
     * returns the lines put.
     */
    List<ChatLine> prepend(List<ChatLine> page) {
        int room = Math.max(0, maxLines - lines.size());
        List<ChatLine> put = page.subList(Math.max(0, page.size() - room), page.size());
        for (int i = put.size() - 1; i >= 0; i--) {
            lines.addFirst(put.get(i));
        }
        return List.copyOf(put);
    }

    /** The time of the newest line someone said (not our own notes), or null. */
    Instant newestMessageTime() {
        for (java.util.Iterator<ChatLine> it = lines.descendingIterator(); it.hasNext(); ) {
            ChatLine l = it.next();
            if (l.nick() != null) {
                return l.time();
            }
        }
        return null;
    }

    Instant readUpTo() {
        return readUpTo;
    }

    void readUpTo(Instant value) {
        readUpTo = value;
    }

    boolean dividerPlaced() {
        return dividerPlaced;
    }

    void dividerPlaced(boolean value) {
        dividerPlaced = value;
    }

    boolean loadingOlder() {
        return loadingOlder;
    }

    void loadingOlder(boolean value) {
        loadingOlder = value;
    }

    boolean olderExhausted() {
        return olderExhausted;
    }

    void olderExhausted(boolean value) {
        olderExhausted = value;
    }

    List<ChatLine> lines() {
        return List.copyOf(lines);
    }

    String topic() {
        return topic;
    }

    void topic(String value) {
        topic = value == null ? "" : value;
    }

    boolean joined() {
        return joined;
    }

    void joined(boolean value) {
        joined = value;
        if (!value) {
            members.clear();
        }
    }

    /** Replaces the member list with NAMES entries (status prefixes kept for display). */
    void setMembers(List<String> entries) {
        members.clear();
        for (String e : entries) {
            members.put(key(bareNick(e)), e);
        }
    }

    void addMember(String nick) {
        members.putIfAbsent(key(nick), nick);
    }

    boolean removeMember(String nick) {
        return members.remove(key(nick)) != null;
    }

    boolean hasMember(String nick) {
        return members.containsKey(key(nick));
    }

    boolean renameMember(String oldNick, String newNick) {
        String entry = members.remove(key(oldNick));
        if (entry == null) {
            return false;
        }
        String prefix = entry.substring(0, entry.length() - bareNick(entry).length());
        members.put(key(newNick), prefix + newNick);
        return true;
    }

    /** Members for the user list: operators and voiced first, then by nick, ignoring case. */
    List<String> members() {
        List<String> out = new ArrayList<>(members.values());
        out.sort(Comparator.comparingInt(Conversation::rank)
                .thenComparing(e -> bareNick(e).toLowerCase(Locale.ROOT)));
        return out;
    }

    private static int rank(String entry) {
        int i = entry.length() > 1 ? STATUS_PREFIXES.indexOf(entry.charAt(0)) : -1;
        return i < 0 ? STATUS_PREFIXES.length() : i;
    }

    int unread() {
        return unread;
    }

    boolean mentioned() {
        return mentioned;
    }

    void markUnread(boolean mention) {
        unread++;
        mentioned |= mention;
    }

    void markRead() {
        unread = 0;
        mentioned = false;
    }
}
