package org.chatroom.client.input;

import java.util.Locale;
import java.util.Set;
import org.chatroom.protocol.NameRules;

/** Reads one typed line as an {@link Intent}: the command set both clients share. */
public final class InputParser {
    /** The longest nick the clients accept (the server may allow fewer). */
    public static final int MAX_NICK_LENGTH = 30;
    /** The longest room name the clients accept. */
    public static final int MAX_ROOM_LENGTH = 50;
    /** Lines that leave on their own, as in the programs Chatroom replaces ({@code /say exit} sends the word). */
    public static final Set<String> LEAVE_WORDS = Set.of("exit", "{quit}", "{close}");

    private InputParser() {
    }

    public static Intent parse(String input) {
        String line = input.strip();
        if (line.isEmpty()) {
            return new Intent.Nothing();
        }
        if (LEAVE_WORDS.contains(line.toLowerCase(Locale.ROOT))) {
            return new Intent.Quit("");
        }
        if (line.startsWith("//")) {
            return new Intent.Say(line.substring(1));
        }
        if (!line.startsWith("/")) {
            return new Intent.Say(line);
        }
        int space = line.indexOf(' ');
        String command = (space < 0 ? line.substring(1) : line.substring(1, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        return switch (command) {
            case "help" -> new Intent.Help();
            case "quit", "exit" -> new Intent.Quit(rest);
            case "say" -> rest.isEmpty() ? new Intent.Mistake("usage: /say TEXT") : new Intent.Say(rest);
            case "msg" -> msg(rest);
            case "query" -> query(rest);
            case "me" -> rest.isEmpty() ? new Intent.Mistake("usage: /me ACTION") : new Intent.Action(rest);
            case "join" -> join(rest);
            case "part", "leave" -> part(rest);
            case "close" -> new Intent.CloseTab(rest);
            case "names", "who" -> rest.isEmpty() ? new Intent.Names(null) : new Intent.Names(rest.split(" ")[0]);
            case "topic" -> new Intent.Topic(rest.isEmpty() ? null : rest);
            case "nick" -> nick(rest);
            case "away" -> new Intent.Away(rest);
            case "history" -> history(rest);
            default -> new Intent.Unknown(command);
        };
    }

    private static Intent msg(String rest) {
        String[] parts = rest.split(" ", 2);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isBlank()) {
            return new Intent.Mistake("usage: /msg NICK TEXT");
        }
        return new Intent.PrivateMessage(parts[0], parts[1].strip());
    }

    private static Intent query(String rest) {
        String[] parts = rest.split(" ", 2);
        if (parts[0].isEmpty() || NameRules.isRoomName(parts[0])) {
            return new Intent.Mistake("usage: /query NICK [TEXT]");
        }
        return new Intent.Query(parts[0], parts.length > 1 ? parts[1].strip() : "");
    }

    private static Intent join(String rest) {
        if (rest.isEmpty() || rest.indexOf(' ') >= 0) {
            return new Intent.Mistake("usage: /join ROOM");
        }
        String room = NameRules.isRoomName(rest) ? rest : "#" + rest;
        String problem = NameRules.roomProblem(room, MAX_ROOM_LENGTH);
        return problem != null ? new Intent.Mistake(problem) : new Intent.Join(room);
    }

    private static Intent part(String rest) {
        String[] parts = rest.split(" ", 2);
        if (!rest.isEmpty() && NameRules.isRoomName(parts[0])) {
            return new Intent.Part(parts[0], parts.length > 1 ? parts[1].strip() : "");
        }
        return new Intent.Part(null, rest);
    }

    private static Intent history(String rest) {
        if (rest.isEmpty()) {
            return new Intent.History(Intent.History.DEFAULT_LINES);
        }
        try {
            int n = Integer.parseInt(rest);
            if (n >= 1 && n <= Intent.History.MAX_LINES) {
                return new Intent.History(n);
            }
        } catch (NumberFormatException e) {
            // the usage below says what is allowed
        }
        return new Intent.Mistake("usage: /history [N], N a number of lines from 1 to " + Intent.History.MAX_LINES);
    }

    private static Intent nick(String rest) {
        if (rest.isEmpty()) {
            return new Intent.Mistake("usage: /nick NEW");
        }
        String problem = NameRules.nickProblem(rest, MAX_NICK_LENGTH);
        return problem != null ? new Intent.Mistake(problem) : new Intent.Nick(rest);
    }
}
