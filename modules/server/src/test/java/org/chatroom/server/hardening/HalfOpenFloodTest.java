package org.chatroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.core.DropReason;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Connections that never register have their own cap: many addresses each holding half-open
 * connections can never lock registered users out; the oldest half-open one makes room.
 */
@Timeout(60)
class HalfOpenFloodTest {
    @Test
    void halfOpenConnectionsFromManyAddressesNeverLockUsersOut() throws Exception {
        List<Socket> halfOpen = new ArrayList<>();
        try (ChatServer s = TestServer.start(Map.of("max.clients", "20", "max.unregistered", "50",
                "limits.exempt", "", "max.connections.per.ip", "10"))) {
            try {
                for (int i = 0; i < 200; i++) { // 20 addresses x 10 connections, each within its per-address limit
                    Socket sock = new Socket();
                    sock.bind(new InetSocketAddress("127.0.1." + (1 + i / 10), 0));
                    sock.connect(new InetSocketAddress("127.0.0.1", s.port()), 2000);
                    halfOpen.add(sock);
                }
                try (IrcTestClient user = new IrcTestClient(s.port())) {
                    user.send("NICK alice");
                    user.send("USER alice 0 * :Alice");
                    try {
                        user.awaitContains(" 366 alice #lobby ");
                    } catch (org.awaitility.core.ConditionTimeoutException e) {
                        throw new AssertionError("alice got: " + user.lines(), e);
                    }
                    assertThat(user.isClosed()).isFalse();
                }
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                        .until(() -> s.stats().drops(DropReason.UNREGISTERED_EVICTED) >= 100); // the rest were refused at the hard bound while evictions closed
                Socket oldest = halfOpen.get(0);
                oldest.setSoTimeout(5000);
                InputStream in = oldest.getInputStream();
                byte[] buf = new byte[512];
                int n = in.read(buf);
                assertThat(new String(buf, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.US_ASCII))
                        .as("the oldest half-open connection was told why it was closed")
                        .contains("Too many connections are registering");
            } finally {
                for (Socket sock : halfOpen) {
                    sock.close();
                }
            }
        }
    }
}
