package org.chatroom.client.input;

import java.util.ArrayList;
import java.util.List;

/** The {@code /help} text of the commands {@link InputParser} knows; each client lays it out. */
public final class CommandHelp {
    /** One command: how to type it, and what it does. */
    public record Entry(String usage, String what) {
    }

    private CommandHelp() {
    }

    /** @param tabs whether the client has tabs (then {@code /query} and {@code /close} are listed) */
    public static List<Entry> entries(boolean tabs) {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry("/msg NICK TEXT", "private message" + (tabs ? ", in its own tab" : "")));
        if (tabs) {
            out.add(new Entry("/query NICK [TEXT]", "open a private tab with NICK"));
        }
        out.add(new Entry("/me ACTION", "an action in this " + (tabs ? "tab" : "room")));
        out.add(new Entry("/join ROOM", "join ROOM, or switch to it"));
        out.add(new Entry("/part [ROOM] [REASON]", "leave ROOM (default: this one)"));
        if (tabs) {
            out.add(new Entry("/close", "close this tab (leaves a room)"));
        }
        out.add(new Entry("/names, /who", "who is in this room"));
        out.add(new Entry("/topic [TEXT]", "show or set the topic"));
        out.add(new Entry("/nick NEW", "change your nick"));
        out.add(new Entry("/away [TEXT]", "mark yourself away (no text: back)"));
        out.add(new Entry("/history [N]", "show N older lines of this " + (tabs ? "tab" : "room") + " (default "
                + Intent.History.DEFAULT_LINES + "), from the server's history"));
        out.add(new Entry("/quit [REASON]", "leave" + (tabs ? " and close the window" : "")
                + "; so do exit, {quit} or {close} alone on a line" + (tabs ? "" : ", Ctrl-D and Ctrl-C")));
        out.add(new Entry("/say TEXT, //TEXT", "send TEXT as it is (/say exit sends the word)"));
        return out;
    }

    /** {@code usage  what} in two aligned columns, under a heading: for a terminal. */
    public static String aligned(boolean tabs) {
        List<Entry> entries = entries(tabs);
        int width = entries.stream().mapToInt(e -> e.usage().length()).max().orElse(0) + 2;
        StringBuilder b = new StringBuilder("commands (plain text goes to the current room):");
        for (Entry e : entries) {
            b.append("\n  ").append(e.usage()).append(" ".repeat(width - e.usage().length())).append(e.what());
        }
        return b.toString();
    }
}
