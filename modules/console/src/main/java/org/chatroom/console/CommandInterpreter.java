package org.chatroom.console;

import java.util.function.Consumer;
import org.chatroom.client.ChatClient;
import org.chatroom.protocol.NameRules;

/**
 * Turns one input line into client calls: plain text goes to the current room, {@code /commands} do
 * what {@code /help} says. Problems are reported through {@code feedback}, one line each.
 */
final class CommandInterpreter {
    static final String HELP = String.join("\n",
            "commands:",
            "  /msg NICK TEXT     private message          /me ACTION        action in this room",
            "  /join ROOM         join or switch to ROOM   /part [ROOM] [WHY] leave ROOM (default: this one)",
            "  /names, /who       who is in this room      /topic [TEXT]     show or set the topic",
            "  /nick NEW          change your nick         /away [TEXT]      mark yourself away (no text: back)",
            "  /quit [REASON]     leave (also {quit}, Ctrl-D, Ctrl-C)",
            "  //text             send text starting with '/'");
    private static final int MAX_ROOM_LENGTH = 50;

    private final ChatClient client;
    private final RoomFocus focus;
    private final Consumer<String> feedback;

    /** What the session should do after a line. {@code quitReason} is set when it should leave. */
    record Result(boolean quit, String quitReason) {
        static final Result CONTINUE = new Result(false, null);
    }

    CommandInterpreter(ChatClient client, RoomFocus focus, Consumer<String> feedback) {
        this.client = client;
        this.focus = focus;
        this.feedback = feedback;
    }

    Result handle(String input) {
        String line = input.strip();
        if (line.isEmpty()) {
            return Result.CONTINUE;
        }
        if (line.equals("{quit}")) {
            return new Result(true, "");
        }
        if (line.startsWith("//")) {
            sayInRoom(line.substring(1));
            return Result.CONTINUE;
        }
        if (!line.startsWith("/")) {
            sayInRoom(line);
            return Result.CONTINUE;
        }
        int space = line.indexOf(' ');
        String command = (space < 0 ? line.substring(1) : line.substring(1, space)).toLowerCase(java.util.Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        switch (command) {
            case "help" -> feedback.accept(HELP);
            case "quit", "exit" -> {
                return new Result(true, rest);
            }
            case "msg", "query" -> msg(rest);
            case "me" -> me(rest);
            case "join" -> join(rest);
            case "part", "leave" -> part(rest);
            case "names", "who" -> names(rest);
            case "topic" -> topic(rest);
            case "nick" -> nick(rest);
            case "away" -> sent(client.away(rest), rest.isEmpty() ? "away status" : "away message");
            default -> feedback.accept("unknown command, try /help");
        }
        return Result.CONTINUE;
    }

    private void sayInRoom(String text) {
        String room = focus.current();
        if (room == null) {
            feedback.accept("you are in no room: /join one, or /msg someone");
            return;
        }
        sent(client.say(room, text), "message");
    }

    private void msg(String rest) {
        String[] parts = rest.split(" ", 2);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isBlank()) {
            feedback.accept("usage: /msg NICK TEXT");
            return;
        }
        sent(client.say(parts[0], parts[1]), "message");
    }

    private void me(String rest) {
        String room = focus.current();
        if (rest.isEmpty()) {
            feedback.accept("usage: /me ACTION");
        } else if (room == null) {
            feedback.accept("you are in no room: /join one first");
        } else {
            sent(client.action(room, rest), "action");
        }
    }

    private void join(String rest) {
        if (rest.isEmpty() || rest.indexOf(' ') >= 0) {
            feedback.accept("usage: /join ROOM");
            return;
        }
        String room = NameRules.isRoomName(rest) ? rest : "#" + rest;
        String problem = NameRules.roomProblem(room, MAX_ROOM_LENGTH);
        if (problem != null) {
            feedback.accept(problem);
            return;
        }
        if (client.rooms().stream().anyMatch(r -> r.equalsIgnoreCase(room))) {
            focus.switchTo(room);
            feedback.accept("now talking in " + room);
            return;
        }
        sent(client.join(room), "join");
    }

    private void part(String rest) {
        String room = focus.current();
        String reason = rest;
        if (!rest.isEmpty() && NameRules.isRoomName(rest.split(" ", 2)[0])) {
            String[] parts = rest.split(" ", 2);
            room = parts[0];
            reason = parts.length > 1 ? parts[1] : "";
        }
        if (room == null) {
            feedback.accept("usage: /part [ROOM] [REASON]");
            return;
        }
        sent(client.part(room, reason), "part");
    }

    private void names(String rest) {
        String room = rest.isEmpty() ? focus.current() : rest.split(" ")[0];
        if (room == null) {
            feedback.accept("usage: /names [ROOM]");
            return;
        }
        sent(client.names(room), "request");
    }

    private void topic(String rest) {
        String room = focus.current();
        if (room == null) {
            feedback.accept("you are in no room: /join one first");
            return;
        }
        sent(rest.isEmpty() ? client.topic(room) : client.topic(room, rest), "topic");
    }

    private void nick(String rest) {
        if (rest.isEmpty()) {
            feedback.accept("usage: /nick NEW");
            return;
        }
        String problem = NameRules.nickProblem(rest, ConsoleCli.MAX_NICK_LENGTH);
        if (problem != null) {
            feedback.accept(problem);
            return;
        }
        sent(client.changeNick(rest), "nick change");
    }

    private void sent(boolean ok, String what) {
        if (!ok) {
            feedback.accept("not connected: " + what + " not sent");
        }
    }
}
