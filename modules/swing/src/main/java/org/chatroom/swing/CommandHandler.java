package org.chatroom.swing;

import java.util.Locale;
import org.chatroom.protocol.NameRules;

/**
 * Turns one input line into calls on the presenter's connection, with the console client's command
 * set: plain text goes to the selected tab, {@code /commands} do what {@code /help} says. Problems
 * come back as feedback lines in the selected tab.
 */
final class CommandHandler {
    static final int MAX_NICK_LENGTH = 30;
    static final String[] HELP = {
        "Commands (plain text goes to the open tab):",
        "/msg NICK TEXT: private message, in its own tab",
        "/query NICK [TEXT]: open a private tab with NICK",
        "/me ACTION: an action in this tab",
        "/join ROOM: join ROOM, or switch to it",
        "/part [ROOM] [REASON]: leave ROOM (default: this one)",
        "/close: close this tab (leaves a room)",
        "/names, /who: who is in this room",
        "/topic [TEXT]: show or set the topic",
        "/nick NEW: change your nick",
        "/away [TEXT]: mark yourself away (no text: back)",
        "/quit [REASON]: leave and close the window",
        "//text: send text that starts with '/'",
    };
    private static final int MAX_ROOM_LENGTH = 50;

    /** What the presenter offers the commands. */
    interface Target {
        ChatGateway gateway();

        Conversation selected();

        void feedback(String text);

        void openPrivate(String nick, boolean select);

        /** Selects the tab of a room we are in; false if we are not in it. */
        boolean selectRoom(String room);

        void closeTab(Conversation c, String reason);

        void expectReply(String kind, String room);

        void quit(String reason);
    }

    private final Target target;

    CommandHandler(Target target) {
        this.target = target;
    }

    void handle(String input) {
        String line = input.strip();
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("//")) {
            say(line.substring(1));
            return;
        }
        if (!line.startsWith("/")) {
            say(line);
            return;
        }
        int space = line.indexOf(' ');
        String command = (space < 0 ? line.substring(1) : line.substring(1, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        switch (command) {
            case "help" -> {
                for (String h : HELP) {
                    target.feedback(h);
                }
            }
            case "quit", "exit" -> target.quit(rest);
            case "msg" -> msg(rest);
            case "query" -> query(rest);
            case "me" -> me(rest);
            case "join" -> join(rest);
            case "part", "leave" -> part(rest);
            case "close" -> target.closeTab(target.selected(), rest);
            case "names", "who" -> names(rest);
            case "topic" -> topic(rest);
            case "nick" -> nick(rest);
            case "away" -> sent(target.gateway().away(rest), rest.isEmpty() ? "away status" : "away message");
            default -> target.feedback("unknown command /" + command + ", try /help");
        }
    }

    /** The room or nick the selected tab talks to, or null for the server tab. */
    private String talkTarget() {
        Conversation c = target.selected();
        return c == null || c.type() == Conversation.Type.SERVER ? null : c.name();
    }

    private void say(String text) {
        String to = talkTarget();
        if (to == null) {
            target.feedback("this is the server tab: /join a room, or /msg someone");
            return;
        }
        sent(target.gateway().say(to, text), "message");
    }

    private void msg(String rest) {
        String[] parts = rest.split(" ", 2);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isBlank()) {
            target.feedback("usage: /msg NICK TEXT");
            return;
        }
        if (!NameRules.isRoomName(parts[0])) {
            target.openPrivate(parts[0], true);
        }
        sent(target.gateway().say(parts[0], parts[1]), "message");
    }

    private void query(String rest) {
        String[] parts = rest.split(" ", 2);
        if (parts[0].isEmpty() || NameRules.isRoomName(parts[0])) {
            target.feedback("usage: /query NICK [TEXT]");
            return;
        }
        target.openPrivate(parts[0], true);
        if (parts.length > 1 && !parts[1].isBlank()) {
            sent(target.gateway().say(parts[0], parts[1]), "message");
        }
    }

    private void me(String rest) {
        String to = talkTarget();
        if (rest.isEmpty()) {
            target.feedback("usage: /me ACTION");
        } else if (to == null) {
            target.feedback("this is the server tab: /join a room first");
        } else {
            sent(target.gateway().action(to, rest), "action");
        }
    }

    private void join(String rest) {
        if (rest.isEmpty() || rest.indexOf(' ') >= 0) {
            target.feedback("usage: /join ROOM");
            return;
        }
        String room = NameRules.isRoomName(rest) ? rest : "#" + rest;
        String problem = NameRules.roomProblem(room, MAX_ROOM_LENGTH);
        if (problem != null) {
            target.feedback(problem);
            return;
        }
        if (!target.selectRoom(room)) {
            sent(target.gateway().join(room), "join");
        }
    }

    private void part(String rest) {
        String room = talkTarget();
        String reason = rest;
        if (!rest.isEmpty() && NameRules.isRoomName(rest.split(" ", 2)[0])) {
            String[] parts = rest.split(" ", 2);
            room = parts[0];
            reason = parts.length > 1 ? parts[1] : "";
        }
        if (room == null || !NameRules.isRoomName(room)) {
            target.feedback("usage: /part [ROOM] [REASON]");
            return;
        }
        sent(target.gateway().part(room, reason), "part");
    }

    private void names(String rest) {
        String room = rest.isEmpty() ? talkTarget() : rest.split(" ")[0];
        if (room == null || !NameRules.isRoomName(room)) {
            target.feedback("usage: /names [ROOM]");
            return;
        }
        target.expectReply("names", room);
        sent(target.gateway().names(room), "request");
    }

    private void topic(String rest) {
        String room = talkTarget();
        if (room == null || !NameRules.isRoomName(room)) {
            target.feedback("topics belong to rooms: switch to a room tab first");
            return;
        }
        target.expectReply("topic", room);
        sent(rest.isEmpty() ? target.gateway().askTopic(room) : target.gateway().setTopic(room, rest), "topic");
    }

    private void nick(String rest) {
        if (rest.isEmpty()) {
            target.feedback("usage: /nick NEW");
            return;
        }
        String problem = NameRules.nickProblem(rest, MAX_NICK_LENGTH);
        if (problem != null) {
            target.feedback(problem);
            return;
        }
        sent(target.gateway().changeNick(rest), "nick change");
    }

    private void sent(boolean ok, String what) {
        if (!ok) {
            target.feedback("not connected: " + what + " not sent");
        }
    }
}
