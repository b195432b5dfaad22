package org.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SlowConsumerTest {

    @Test
    void clientThatNeverReadsIsDroppedWhileOthersKeepChatting() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("sendq.bytes", "65536", "flood.rate", "0"));
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(s.port(), "bob");
             Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096); // small kernel buffer: the server's queue fills soon
            stalled.connect(new InetSocketAddress("127.0.0.1", s.port()));
            stalled.getOutputStream().write("NICK stalled\r\nUSER s 0 * :S\r\n".getBytes(StandardCharsets.UTF_8));
            alice.awaitContains(":stalled!~s@127.0.0.1 JOIN #lobby");
            String payload = "p".repeat(400);
            // Paced by bob (a reader that keeps up) and bounded: at most 20,000 lines (8 MB), far past
            // the 64 KiB queue plus the kernel's socket buffers.
            for (int i = 0; i < 20_000 && s.stats().slowClientsDropped() == 0; i++) {
                alice.send("PRIVMSG #lobby :" + i + " " + payload);
                if (i % 50 == 49) {
                    String marker = "PRIVMSG #lobby :" + i + " ";
                    bob.awaitLine(l -> l.contains(marker));
                }
            }
            bob.awaitContains(":stalled!~s@127.0.0.1 QUIT :SendQ exceeded");
            alice.send("PRIVMSG #lobby :still flowing");
            bob.awaitContains("PRIVMSG #lobby :still flowing");
            assertThat(s.stats().slowClientsDropped()).isEqualTo(1);
            assertThat(s.registry().byNick("stalled")).isNull();
            assertThat(drain(stalled.getInputStream())).as("stalled socket is closed by the server").isTrue();
        }
    }

    /** Reads until EOF (bounded in time); true if the server closed the connection. */
    private static boolean drain(InputStream in) throws IOException {
        byte[] buf = new byte[65536];
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (java.net.SocketException reset) {
                return true;
            }
        }
        return false;
    }

    @Test
    void bystanderLatencyIsUnaffectedByAStalledReader() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("sendq.bytes", "1048576", "flood.exempt", "127.0.0.1"));
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(s.port(), "bob");
             Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", s.port()));
            stalled.getOutputStream().write("NICK stalled\r\nUSER s 0 * :S\r\n".getBytes(StandardCharsets.UTF_8));
            alice.awaitContains("stalled!~s@127.0.0.1 JOIN #lobby");
            for (int i = 0; i < 200; i++) {
                alice.send("PRIVMSG #lobby :burst " + i);
                final int n = i;
                // every message reaches bob while the stalled reader's queue only grows
                if (i % 50 == 0) {
                    await().atMost(Duration.ofSeconds(5)).until(() -> bob.received("burst " + n));
                }
            }
            bob.awaitContains("burst 199");
        }
    }
}
