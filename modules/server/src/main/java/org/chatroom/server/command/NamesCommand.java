package org.chatroom.server.command;

import java.util.List;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.core.Cap;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Membership;
import org.chatroom.server.state.Room;

/** NAMES for one or several rooms, and the 353/366 a JOIN ends with. */
final class NamesCommand {
    /** Room for the names in one 353 line, leaving space for the prefix, numeric and room name. */
    private static final int NAMES_LINE_BUDGET = 400;

    private NamesCommand() {
    }

    static void register(CommandDispatcher d) {
        d.add("NAMES", 0, false, NamesCommand::names);
    }

    private static void names(Session s, IrcMessage m) {
        if (m.params().isEmpty() || m.param(0).isEmpty()) {
            for (Room r : List.copyOf(s.client().rooms())) {
                send(s, r);
            }
            return;
        }
        for (String name : m.param(0).split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            Room room = s.context().registry().rooms().get(name);
            if (room != null && !room.hiddenFrom(s.client())) {
                send(s, room);
            } else {
                s.reply(Numeric.RPL_ENDOFNAMES, name); // a secret room looks like no room at all
            }
        }
    }

    /** 353 lines and 366; {@code @} marks a secret room (Modern IRC), {@code =} any other. */
    static void send(Session s, Room room) {
        String kind = room.modes().secret() ? "@" : "=";
        StringBuilder names = new StringBuilder();
        boolean multi = s.client().has(Cap.MULTI_PREFIX);
        boolean userhost = s.client().has(Cap.USERHOST_IN_NAMES);
        for (Room.Shown shown : QuietJoins.shownTo(room, s.client())) {
            Client member = shown.client();
            Membership standing = shown.standing();
            String entry = (standing == null ? "" : standing.prefix(multi))
                    + (userhost ? member.prefix() : member.nick());
            if (names.length() + entry.length() + 1 > NAMES_LINE_BUDGET) {
                s.reply(Numeric.RPL_NAMREPLY, kind, room.name(), names.toString());
                names.setLength(0);
            }
            if (names.length() > 0) {
                names.append(' ');
            }
            names.append(entry);
        }
        if (names.length() > 0) {
            s.reply(Numeric.RPL_NAMREPLY, kind, room.name(), names.toString());
        }
        s.reply(Numeric.RPL_ENDOFNAMES, room.name());
    }
}
