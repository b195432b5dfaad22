package org.chatroom.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link ChatClient} reports to its {@link ChatListener}s. Each event carries the time
 * it happened: the server's {@code server-time} tag when negotiated, else the time it was received.
 * Events whose {@code self} flag is true are about the user of this client.
 */
public sealed interface ChatEvent {

    Instant time();

    /** A message to a room; {@code self} when it is our own, echoed back or echoed locally. */
    record RoomMessage(Instant time, String room, String nick, String text, boolean self) implements ChatEvent {
    }

    /** A private message; {@code from} is us and {@code to} the peer when {@code self}. */
    record PrivateMessage(Instant time, String from, String to, String text, boolean self) implements ChatEvent {
        /** The other side of the conversation. */
        public String peer() {
            return self ? to : from;
        }
    }

    /** A {@code /me} action in a room or a private conversation. */
    record Action(Instant time, String target, String nick, String text, boolean self) implements ChatEvent {
        public boolean inRoom() {
            return org.chatroom.protocol.NameRules.isRoomName(target);
        }
    }

    /**
     * A message typed while disconnected: kept, and sent (then echoed as usual) once the connection is
     * back, in the order typed. {@code action} for a {@code /me}.
     */
    record Pending(Instant time, String target, String nick, String text, boolean action) implements ChatEvent {
    }

    /** A NOTICE; {@code fromServer} when it came from the server rather than a user. */
    record Notice(Instant time, String from, String target, String text, boolean fromServer) implements ChatEvent {
    }

    record Joined(Instant time, String room, String nick, boolean self) implements ChatEvent {
    }

    /** Someone left a room; {@code reason} is empty when none was given. */
    record Parted(Instant time, String room, String nick, String reason, boolean self) implements ChatEvent {
    }

    /** Someone left the server; {@code rooms} are the rooms we shared with them. */
    record Quit(Instant time, String nick, String reason, List<String> rooms) implements ChatEvent {
        public Quit {
            rooms = List.copyOf(rooms);
        }
    }

    /** {@code nick} was removed from {@code room} by {@code by}; {@code self} when it was us. */
    record Kicked(Instant time, String room, String nick, String by, String reason, boolean self) implements ChatEvent {
    }

    record NickChanged(Instant time, String oldNick, String newNick, boolean self) implements ChatEvent {
    }

    /**
     * A room's topic: {@code changed} when someone set it just now (then {@code setBy} is who),
     * otherwise the topic as it stands when we joined or asked; an empty topic means none is set.
     */
    record Topic(Instant time, String room, String topic, String setBy, boolean changed) implements ChatEvent {
    }

    /** The members of a room, as the server listed them (entries may carry a status prefix like '@'). */
    record Names(Instant time, String room, List<String> entries) implements ChatEvent {
        public Names {
            entries = List.copyOf(entries);
        }

        /** The members' nicks without status prefixes. */
        public List<String> nicks() {
            List<String> out = new ArrayList<>(entries.size());
            for (String e : entries) {
                out.add(RoomMembers.bareNick(e));
            }
            return out;
        }
    }

    /** The server refused something ({@code code} is the numeric, e.g. "401"), or sent ERROR. */
    record ServerError(Instant time, String code, String text) implements ChatEvent {
    }

    /** Any other server reply worth showing: MOTD lines, WHO/WHOIS/LIST replies, away status. */
    record ServerInfo(Instant time, String code, String text) implements ChatEvent {
    }

    /** We are logged in to {@code account} (SASL), {@code created} when this connection made the account. */
    record LoggedIn(Instant time, String account, boolean created) implements ChatEvent {
    }

    /**
     * Lines said before now, from the server's history ({@code draft/chathistory}) or replayed on
     * joining: each keeps its original time; none is in {@code lines} twice or also came live. Oldest first.
     */
    record History(Instant time, String target, HistoryKind kind, List<ChatEvent> lines) implements ChatEvent {
        public History {
            lines = List.copyOf(lines);
        }
    }

    /** Why {@link History} lines came. */
    enum HistoryKind {
        /** The latest lines of a room just joined (or a private conversation): what was said before. */
        JOINED,
        /** What was said while we were away: the lines after the last one we saw, after a reconnect. */
        MISSED,
        /** An older page, asked for with {@link ChatClient#history(String, int)}. */
        OLDER
    }

    /**
     * How far the user has read {@code target} (IRCv3 {@code draft/read-marker}), as the server keeps it
     * for the account across its connections; {@code readUpTo} is null when nothing is marked yet.
     */
    record ReadMarker(Instant time, String target, Instant readUpTo) implements ChatEvent {
    }

    /**
     * The connection's state. {@code attempt} and {@code delay} are set for RECONNECTING;
     * {@code reason} for RECONNECTING and DISCONNECTED; {@code cause} only for DISCONNECTED, after
     * which the client makes no further attempts; {@code nick} is ours once CONNECTED.
     */
    record ConnectionState(Instant time, Status status, String server, String nick, int attempt, Duration delay,
                           String reason, DisconnectCause cause) implements ChatEvent {

        public enum Status { CONNECTING, CONNECTED, RECONNECTING, DISCONNECTED }

        static ConnectionState connecting(String server, int attempt) {
            return new ConnectionState(Instant.now(), Status.CONNECTING, server, null, attempt, Duration.ZERO, "", null);
        }

        static ConnectionState connected(String server, String nick) {
            return new ConnectionState(Instant.now(), Status.CONNECTED, server, nick, 0, Duration.ZERO, "", null);
        }

        static ConnectionState reconnecting(String server, int attempt, Duration delay, String reason) {
            return new ConnectionState(Instant.now(), Status.RECONNECTING, server, null, attempt, delay, reason, null);
        }

        static ConnectionState disconnected(String server, String reason, DisconnectCause cause) {
            return new ConnectionState(Instant.now(), Status.DISCONNECTED, server, null, 0, Duration.ZERO, reason, cause);
        }
    }
}
