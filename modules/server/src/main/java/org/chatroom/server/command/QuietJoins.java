package org.chatroom.server.command;

import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.core.ServerStats;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;

/**
 * Large rooms ({@code room.large.members}): a newcomer joins quietly — only the operators and the
 * newcomer see the JOIN — and is announced to everyone the first time they speak or are given +o/+v.
 * Ten thousand users auto-joining one room would otherwise send each other 50 million JOIN lines
 * and a NAMES list of thousands each; this way a join costs the same in a room of 10 or 10,000, and
 * every client still sees a JOIN before the first line of anyone it hears from (IRC clients keep
 * their member lists from JOIN/PART/QUIT, so an unannounced speaker would confuse them). InspIRCd's
 * "delayed join" (+D) works the same way; here it is by size, so small rooms keep the old habit of
 * every join announced.
 *
 * <p>In a cluster a room is judged by all its members, those of other nodes (ghosts) included, and
 * the joiner's node decides: its JOIN carries the decision to the other nodes, which hush the ghost
 * alike (the cluster package calls {@link #announce(ServerStats, Room, Client)} when a message or a
 * standing from another node ends the quiet).
 */
public final class QuietJoins {
    private QuietJoins() {
    }

    /** The JOIN of {@code c} to {@code room}, in both forms (extended-join), stamped {@code time}. */
    public static OutboundLine joinLine(Client c, Room room, long time) {
        String account = c.account();
        return OutboundLine.of(IrcMessage.from(c.prefix(), "JOIN", room.name()), java.util.Map.of(), time)
                .or(Cap.EXTENDED_JOIN, IrcMessage.from(c.prefix(), "JOIN", room.name(), account == null ? "*" : account,
                        c.realName()));
    }

    /**
     * Tells the room {@code c} joined, with {@code line}: everyone, or — in a large room, for a
     * newcomer who is not an operator — the operators and {@code c} only. True if it was told to everyone.
     */
    static boolean told(Session s, Room room, OutboundLine line) {
        Client c = s.client();
        int large = s.context().config().get(ServerConfigKeys.ROOM_LARGE_MEMBERS);
        if (large > 0 && room.size() > large && !room.isOperator(c)) {
            room.hush(c);
            room.toOperatorsAnd(c, line);
            return false;
        }
        room.broadcast(line, null, s.context().stats());
        return true;
    }

    /**
     * Before {@code who} speaks in {@code room} (or is given a standing there): if it joined quietly,
     * its JOIN now goes to everyone who has not seen it, so the message never comes from a stranger.
     */
    static void announce(Session s, Room room, Client who) {
        if (announce(s.context().stats(), room, who)) {
            s.context().cluster().announced(room, who);
        }
    }

    /**
     * Ends {@code who}'s quiet in {@code room} if it is quiet: its JOIN goes to the members who are not
     * operators (they saw it). True for the one caller that ended it. Any thread; takes the registry lock.
     */
    public static boolean announce(ServerStats stats, Room room, Client who) {
        if (room.quiet(who) && room.announce(who)) {
            room.broadcastToNonOperators(joinLine(who, room, System.currentTimeMillis()), who, stats);
            return true;
        }
        return false;
    }

    /**
     * A PART or KICK of {@code who}: to everyone, or while it is quiet to the operators, {@code who}
     * and whoever sent it (a server operator kicking from outside the room).
     */
    static void leaving(Session s, Room room, Client who, OutboundLine line) {
        if (room.quiet(who)) {
            room.toOperatorsAnd(who, line);
            Client by = s.client();
            if (by != who && !room.isOperator(by)) {
                by.send(line);
            }
        } else {
            room.broadcast(line, null, s.context().stats());
        }
    }

    /** The members {@code viewer} sees in NAMES and WHO of {@code room}: quiet ones only for operators. */
    static java.util.List<Room.Shown> shownTo(Room room, Client viewer) {
        return room.shownTo(viewer, room.isOperator(viewer) || viewer.serverOperator());
    }
}
