package org.chatroom.swing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.ChatEvent.ConnectionState.Status;
import org.chatroom.client.DisconnectCause;

/** Short constructors for the events a test plays. */
final class Events {
    static final Instant T = Instant.parse("2026-01-02T10:15:00Z");
    static final String SERVER = "chat.test:6667";

    private Events() {
    }

    static ConnectionState connected(String nick) {
        return new ConnectionState(T, Status.CONNECTED, SERVER, nick, 0, Duration.ZERO, "", null);
    }

    static ConnectionState reconnecting(int attempt, Duration delay, String reason) {
        return new ConnectionState(T, Status.RECONNECTING, SERVER, null, attempt, delay, reason, null);
    }

    static ConnectionState disconnected(String reason, DisconnectCause cause) {
        return new ConnectionState(T, Status.DISCONNECTED, SERVER, null, 0, Duration.ZERO, reason, cause);
    }

    static ChatEvent.Joined joined(String room, String nick, boolean self) {
        return new ChatEvent.Joined(T, room, nick, self);
    }

    static ChatEvent.Names names(String room, String... entries) {
        return new ChatEvent.Names(T, room, List.of(entries));
    }

    static ChatEvent.RoomMessage said(String room, String nick, String text, boolean self) {
        return new ChatEvent.RoomMessage(T, room, nick, text, self);
    }
}
