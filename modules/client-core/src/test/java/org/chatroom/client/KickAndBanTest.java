package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.ChatEvent.ConnectionState.Status;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kicks and bans through the daemon's admin socket: the client reports why and does not come back. */
@Timeout(30)
class KickAndBanTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Path dir;
    private ChatServer server;
    private final Clients clients = new Clients();

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "chatcore"); // Unix socket paths must stay short
        server = new ChatServer(ServerConfig.defaults(Map.of(
                "port", "0", "http.port", "0", "bind", "127.0.0.1", "worker.threads", "1",
                "admin.enabled", "true", "admin.socket", dir.resolve("a.sock").toString(),
                "data.dir", dir.resolve("data").toString()))).start();
    }

    @AfterEach
    void stop() throws IOException {
        clients.close();
        if (server != null) {
            server.close();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void kickedUserSeesReasonAndDoesNotReconnect() throws Exception {
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(server.port(), "rowdy").build(), log);
        c.connect().get(5, TimeUnit.SECONDS);
        EventLog watcherLog = new EventLog();
        clients.client(clients.config(server.port(), "watcher").build(), watcherLog).connect().get(5, TimeUnit.SECONDS);

        assertThat(admin("kick rowdy flooding the room")).startsWith("OK");

        ConnectionState end = c.terminated().get(5, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.KICKED);
        assertThat(end.reason()).contains("flooding the room");
        assertThat(log.of(ChatEvent.Kicked.class)).singleElement().satisfies(k -> {
            assertThat(k.self()).isTrue();
            assertThat(k.room()).isEqualTo("#lobby");
            assertThat(k.reason()).isEqualTo("flooding the room");
        });
        assertThat(log.states()).doesNotContain(Status.RECONNECTING);
        await().atMost(WAIT).untilAsserted(() -> assertThat(watcherLog.of(ChatEvent.Kicked.class)).singleElement()
                .satisfies(k -> assertThat(k.nick()).isEqualTo("rowdy")));
        // no comeback: the nick is free, so a newcomer gets it unchanged
        assertThat(clients.client(clients.config(server.port(), "rowdy").build(), new EventLog())
                .connect().get(5, TimeUnit.SECONDS)).isEqualTo("rowdy");
    }

    @Test
    void bannedUserIsDisconnectedAndRefusedWithoutRetrying() throws Exception {
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(server.port(), "spammer").build(), log);
        c.connect().get(5, TimeUnit.SECONDS);

        assertThat(admin("ban spammer!*@* selling watches")).startsWith("OK");

        ConnectionState end = c.terminated().get(5, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.BANNED);
        assertThat(end.reason()).contains("selling watches");
        assertThat(log.states()).doesNotContain(Status.RECONNECTING);

        EventLog againLog = new EventLog();
        ChatClient again = clients.client(clients.config(server.port(), "spammer").build(), againLog);
        again.connect();
        ConnectionState refused = again.terminated().get(5, TimeUnit.SECONDS);
        assertThat(refused.cause()).isEqualTo(DisconnectCause.BANNED);
        assertThat(againLog.of(ChatEvent.ServerError.class, e -> e.code().equals("465"))).hasSize(1);
        assertThat(againLog.states()).containsExactly(Status.CONNECTING, Status.DISCONNECTED);
    }

    /** One admin request; returns the reply up to its terminating empty line. */
    private String admin(String request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("a.sock")))) {
            ch.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (!reply.toString(StandardCharsets.UTF_8).endsWith("\n\n") && ch.read(buf) >= 0) {
                reply.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            return reply.toString(StandardCharsets.UTF_8);
        }
    }
}
