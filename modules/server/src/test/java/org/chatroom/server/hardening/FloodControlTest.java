package org.chatroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class FloodControlTest {
    /**
     * Small limits, and no exemption: these tests rely on the defaults of flood.exempt and
     * limits.exempt being empty, loopback included (a local proxy must not exempt its users).
     */
    private static final Map<String, String> STRICT = Map.of("flood.rate", "5", "flood.burst", "10",
            "flood.max.queued", "50");

    @Test
    void burstIsDelayedNotDropped() throws Exception {
        try (ChatServer s = TestServer.start(STRICT);
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(s.port(), "bob")) {
            for (int i = 0; i < 30; i++) {
                alice.send("PRIVMSG #lobby :paste line " + i);
            }
            // 30 lines: 10 at once, the rest released at 5 per second, all in order, none lost.
            bob.awaitLine(l -> l.endsWith("paste line 9"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> bob.received("paste line 29"));
            List<String> got = bob.lines().stream().filter(l -> l.contains("paste line")).toList();
            assertThat(got).hasSize(30);
            for (int i = 0; i < 30; i++) {
                assertThat(got.get(i)).endsWith("paste line " + i);
            }
            assertThat(alice.isClosed()).isFalse();
        }
    }

    @Test
    void floodIsThrottledThenDisconnectedWhileBystandersStayFast() throws Exception {
        try (ChatServer s = TestServer.start(STRICT);
             IrcTestClient bob = IrcTestClient.registered(s.port(), "bob");
             IrcTestClient carol = IrcTestClient.registered(s.port(), "carol");
             IrcTestClient flooder = IrcTestClient.registered(s.port(), "flooder")) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                burst.append("PRIVMSG #lobby :flood ").append(i).append("\r\n");
            }
            try {
                flooder.sendRaw(burst.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException closedUnderUs) {
                // the server may close the socket before every byte is written: that is the point
            }
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                bob.send("PRIVMSG #lobby :ping " + i);
                String text = "PRIVMSG #lobby :ping " + i;
                carol.awaitLine(l -> l.endsWith(text));
                latencies.add((System.nanoTime() - t0) / 1_000_000);
            }
            bob.awaitContains(":flooder!~flooder@127.0.0.1 QUIT :Excess Flood");
            flooder.awaitContains("ERROR :Closing link: (~flooder@127.0.0.1) [Excess Flood]");
            long delivered = carol.lines().stream().filter(l -> l.contains("PRIVMSG #lobby :flood ")).count();
            assertThat(delivered).as("only the burst got through before the disconnect").isLessThanOrEqualTo(12);
            latencies.sort(null);
            assertThat(latencies.get(latencies.size() / 2)).as("median bystander latency, ms: " + latencies)
                    .isLessThan(100);
        }
    }

    @Test
    void newConnectionsPerAddressAreThrottled() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("connect.rate.per.ip", "3",
                "max.connections.per.ip", "100"))) {
            List<IrcTestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    clients.add(new IrcTestClient(s.port()));
                }
                IrcTestClient last = clients.get(5);
                last.awaitContains("ERROR :Closing link: Too many new connections from your address");
                last.awaitClosed();
            } finally {
                for (IrcTestClient c : clients) {
                    c.close();
                }
            }
        }
    }

    @Test
    void perAddressAndTotalLimits() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("max.connections.per.ip", "2",
                "connect.rate.per.ip", "100"));
             IrcTestClient a = new IrcTestClient(s.port());
             IrcTestClient b = new IrcTestClient(s.port())) {
            a.sync();
            b.sync();
            IrcTestClient c = new IrcTestClient(s.port());
            c.awaitContains("ERROR :Closing link: Too many connections from your address");
            c.awaitClosed();
            c.close();
            a.send("PING :a");
            a.awaitContains("PONG");
        }
        try (ChatServer s = TestServer.start(Map.of("max.clients", "1"));
             IrcTestClient a = IrcTestClient.registered(s.port(), "a");
             IrcTestClient b = new IrcTestClient(s.port())) {
            b.send("NICK b");
            b.send("USER b 0 * :b");
            b.awaitLine(l -> l.startsWith("ERROR :Closing link") && l.endsWith("[Server full]"));
            b.awaitClosed();
            assertThat(s.stats().drops(org.chatroom.server.core.DropReason.SERVER_FULL)).isEqualTo(1);
        }
    }
}
