package org.chatroom.client.input;

/**
 * What one line typed by the user asks for, as {@link InputParser} understood it. Each client only
 * carries it out and renders the outcome; the grammar and the wording of mistakes live in one place.
 * Rooms are already normalised ({@code dev} → {@code #dev}) and nicks and rooms checked.
 */
public sealed interface Intent {

    /** Nothing to do (a blank line). */
    record Nothing() implements Intent {
    }

    /** Text for the room or conversation in view (plain text, {@code //text} or {@code /say text}). */
    record Say(String text) implements Intent {
    }

    /** Leave the program: {@code exit}, {@code {quit}}, {@code {close}} alone on a line, or {@code /quit [reason]}. */
    record Quit(String reason) implements Intent {
    }

    record Help() implements Intent {
    }

    record PrivateMessage(String nick, String text) implements Intent {
    }

    /** Open a private conversation with {@code nick}; {@code text} may be empty. */
    record Query(String nick, String text) implements Intent {
    }

    record Action(String text) implements Intent {
    }

    record Join(String room) implements Intent {
    }

    /** Leave {@code room}, or the room in view when it is null; {@code reason} may be empty. */
    record Part(String room, String reason) implements Intent {
    }

    /** Close the tab in view (the desktop client); a room tab is left with {@code reason}. */
    record CloseTab(String reason) implements Intent {
    }

    /** Who is in {@code room}, or in the room in view when it is null. */
    record Names(String room) implements Intent {
    }

    /** Show the topic of the room in view (text null), or set it. */
    record Topic(String text) implements Intent {
    }

    record Nick(String nick) implements Intent {
    }

    /** Mark away with {@code text}; empty means back. */
    record Away(String text) implements Intent {
    }

    /** Show {@code lines} older lines of the conversation in view, from the server's history. */
    record History(int lines) implements Intent {
        public static final int DEFAULT_LINES = 50;
        public static final int MAX_LINES = 1000;
    }

    /** A {@code /command} nobody knows; {@code name} without the slash. */
    record Unknown(String name) implements Intent {
        public String message() {
            return "unknown command /" + name + ", try /help";
        }
    }

    /** The command is known but its arguments are not right: {@code message} says what is allowed. */
    record Mistake(String message) implements Intent {
    }
}
