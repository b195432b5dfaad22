package org.chatroom.client;

import org.chatroom.server.support.ChatServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.ChatEvent.ConnectionState.Status;
import org.chatroom.server.ChatServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reconnect, nick fallback, and the cases that must not reconnect. */
@Timeout(30)
class ReconnectTest {
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
    void reconnectsAfterTheDaemonRestartsAndRejoinsRooms() throws Exception {
        server = daemon.start();
        int port = server.port();
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(port, "carol").build(), log);
        c.connect().get(5, TimeUnit.SECONDS);
        c.join("#dev");
        await().atMost(WAIT).until(() -> c.rooms().contains("#dev"));
        c.away("brb");

        server.close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(log.states()).contains(Status.RECONNECTING));
        assertThat(log.of(ConnectionState.class, s -> s.status() == Status.RECONNECTING).get(0).reason())
                .contains("shutting down");
        assertThat(c.isConnected()).isFalse();

        server = daemon.start(Map.of("port", Integer.toString(port)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(log.of(ConnectionState.class,
                s -> s.status() == Status.CONNECTED)).hasSize(2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(c.rooms()).containsExactlyInAnyOrder("#lobby", "#dev"));
        assertThat(c.nick()).isEqualTo("carol");
        assertThat(c.isAway()).isTrue();
        ChatServer restarted = server; // the AWAY is sent at CONNECTED; it may wait behind the history asked on rejoining
        await().atMost(WAIT).untilAsserted(() -> assertThat(restarted.registry().byNick("carol").away()).isEqualTo("brb"));
        assertThat(log.of(ConnectionState.class, s -> s.status() == Status.RECONNECTING))
                .allSatisfy(s -> assertThat(s.delay()).isLessThanOrEqualTo(Duration.ofMillis(400)));
        assertThat(log.of(ConnectionState.class, s -> s.status() == Status.RECONNECTING))
                .extracting(ConnectionState::attempt).startsWith(1);
    }

    @Test
    void reportsEachFailedAttemptWhileTheServerIsDown() throws Exception {
        try (Socket closedPort = boundButNotListening()) {
            EventLog log = new EventLog();
            ChatClient c = clients.client(clients.config(closedPort.getLocalPort(), "dave").build(), log);
            c.connect();
            await().atMost(WAIT).untilAsserted(() -> assertThat(log.of(ConnectionState.class,
                    s -> s.status() == Status.RECONNECTING)).extracting(ConnectionState::attempt).contains(1, 2, 3));
            assertThat(log.of(ConnectionState.class, s -> s.status() == Status.RECONNECTING).get(0).reason())
                    .contains("cannot connect");
            c.quit("give up").get(5, TimeUnit.SECONDS);
            assertThat(c.terminated().get().cause()).isEqualTo(DisconnectCause.USER_QUIT);
        }
    }

    @Test
    void failedConnectWithoutReconnectStopsAtOnce() throws Exception {
        try (Socket closedPort = boundButNotListening()) {
            EventLog log = new EventLog();
            ChatClient c = clients.client(clients.config(closedPort.getLocalPort(), "erin").reconnect(false).build(), log);
            assertThatThrownBy(() -> c.connect().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ChatConnectException.class)
                    .hasMessageContaining("cannot connect");
            assertThat(c.terminated().get().cause()).isEqualTo(DisconnectCause.CONNECT_FAILED);
            assertThat(log.states()).containsExactly(Status.CONNECTING, Status.DISCONNECTED);
        }
    }

    @Test
    void takenNickFallsBackTwiceThenReports() throws Exception {
        server = daemon.start();
        String[] got = new String[3];
        for (int i = 0; i < 3; i++) {
            got[i] = clients.client(clients.config(server.port(), "frank").build(), new EventLog())
                    .connect().get(5, TimeUnit.SECONDS);
        }
        assertThat(got).containsExactly("frank", "frank_", "frank__");

        EventLog log = new EventLog();
        ChatClient fourth = clients.client(clients.config(server.port(), "frank").build(), log);
        assertThatThrownBy(() -> fourth.connect().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ChatConnectException.class);
        ConnectionState end = fourth.terminated().get();
        assertThat(end.cause()).isEqualTo(DisconnectCause.NICK_UNAVAILABLE);
        assertThat(end.reason()).contains("frank, frank_ and frank__ are all in use");
        assertThat(log.states()).containsExactly(Status.CONNECTING, Status.DISCONNECTED);
    }

    @Test
    void reconnectTriesTheChosenNickBeforeFallbacks() throws Exception {
        server = daemon.start();
        int port = server.port();
        clients.client(clients.config(port, "ivy").reconnect(false).build(), new EventLog()).connect().get(5, TimeUnit.SECONDS);
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(port, "ivy").build(), log);
        assertThat(c.connect().get(5, TimeUnit.SECONDS)).isEqualTo("ivy_");

        server.close(); // the holder of "ivy" does not come back; c does
        server = daemon.start(Map.of("port", Integer.toString(port)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(log.of(ConnectionState.class,
                s -> s.status() == Status.CONNECTED)).hasSize(2));
        assertThat(c.nick()).isEqualTo("ivy");
    }

    @Test
    void noReconnectAfterQuit() throws Exception {
        server = daemon.start();
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(server.port(), "gina").build(), log);
        c.connect().get(5, TimeUnit.SECONDS);
        ConnectionState end = c.quit("done").get(5, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.USER_QUIT);
        await().atMost(WAIT).until(() -> server.registry().byNick("gina") == null);
        // were it reconnecting, the nick would be taken again and a newcomer would get gina_
        String again = clients.client(clients.config(server.port(), "gina").build(), new EventLog())
                .connect().get(5, TimeUnit.SECONDS);
        assertThat(again).isEqualTo("gina");
        assertThat(log.states()).containsExactly(Status.CONNECTING, Status.CONNECTED, Status.DISCONNECTED);
        assertThat(c.say("#lobby", "still here?")).isFalse();
    }

    @Test
    void closeStopsReconnectingAndReportsClosed() throws Exception {
        server = daemon.start();
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(server.port(), "hank").build(), log);
        c.connect().get(5, TimeUnit.SECONDS);
        c.close();
        assertThat(c.terminated()).isDone();
        assertThat(c.terminated().get().cause()).isEqualTo(DisconnectCause.CLOSED);
        assertThat(log.states()).containsExactly(Status.CONNECTING, Status.CONNECTED, Status.DISCONNECTED);
    }

    /** A port nobody listens on, held so nobody can: connecting to it is refused. */
    static Socket boundButNotListening() throws java.io.IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return s;
    }
}
