package org.chatroom.client;

import org.chatroom.server.support.ChatServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.ChatEvent.ConnectionState.Status;
import org.chatroom.server.ChatServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What is typed while the server is away is kept, and sent in order once it is back. */
@Timeout(30)
class PendingMessagesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Clients clients = new Clients();
    @RegisterExtension
    final ChatServerExtension daemon = ChatServerExtension.plain();
    private ChatServer server;

    @AfterEach
    void stop() {
        clients.close(); // the daemon is closed by its extension, after this
    }

    @Test
    void messagesTypedWhileReconnectingAreSentInOrderOnceBack() throws Exception {
        server = daemon.start();
        int port = server.port();
        EventLog log = new EventLog();
        ChatClient alice = clients.client(clients.config(port, "alice")
                .reconnectPolicy(new ReconnectPolicy(Duration.ofMillis(300), Duration.ofSeconds(1), 0)).build(), log);
        alice.connect().get(5, TimeUnit.SECONDS);

        server.close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(log.states()).contains(Status.RECONNECTING));
        assertThat(alice.say("#lobby", "one")).isTrue();
        assertThat(alice.action("#lobby", "waves")).isTrue();
        assertThat(alice.say("#lobby", "three")).isTrue();
        assertThat(log.of(ChatEvent.Pending.class)).extracting(ChatEvent.Pending::text).containsExactly("one", "waves", "three");
        assertThat(alice.pendingCount()).isEqualTo(3);

        server = daemon.start(Map.of("port", Integer.toString(port)));
        EventLog bobLog = new EventLog();
        ChatClient bob = clients.client(clients.config(port, "bob").reconnect(false).build(), bobLog);
        bob.connect().get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(bobLog.all().stream()
                .filter(e -> e instanceof ChatEvent.RoomMessage m && !m.self() || e instanceof ChatEvent.Action a && !a.self())
                .map(e -> e instanceof ChatEvent.RoomMessage m ? m.text() : "* " + ((ChatEvent.Action) e).text()).toList())
                .containsExactly("one", "* waves", "three"));
        assertThat(alice.pendingCount()).isZero();
        assertThat(log.of(ConnectionState.class, s -> s.status() == Status.CONNECTED)).hasSize(2);
    }

    @Test
    void nothingIsKeptOnceTheClientStoppedForGood() throws Exception {
        server = daemon.start();
        ChatClient c = clients.client(clients.config(server.port(), "carl").reconnect(false).build(), new EventLog());
        c.connect().get(5, TimeUnit.SECONDS);
        server.close();
        c.terminated().get(5, TimeUnit.SECONDS);
        assertThat(c.say("#lobby", "into the void")).isFalse();
        assertThat(c.pendingCount()).isZero();
        assertThat(List.of(c.isConnected())).containsExactly(false);
    }
}
