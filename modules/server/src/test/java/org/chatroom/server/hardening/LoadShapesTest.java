package org.chatroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.ResourceCounts;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many stalled readers next to chatters, and thousands of short sessions: nothing stalls, nothing leaks. */
@Timeout(180)
class LoadShapesTest {

    @Test
    void twentyStalledReadersAreDroppedWhileTwentyChattersFlow() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("sendq.bytes", "65536", "flood.rate", "0", "limits.exempt", "127.0.0.1"))) {
            List<Socket> stalled = new ArrayList<>();
            List<IrcTestClient> chatters = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    Socket sock = new Socket();
                    sock.setReceiveBufferSize(4096);
                    sock.connect(new InetSocketAddress("127.0.0.1", s.port()));
                    sock.getOutputStream().write(("NICK stall" + i + "\r\nUSER s 0 * :S\r\n").getBytes(StandardCharsets.UTF_8));
                    stalled.add(sock);
                }
                for (int i = 0; i < 20; i++) {
                    chatters.add(IrcTestClient.registered(s.port(), "chat" + i));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> s.registry().clientCount() == 40);
                long heapBefore = ResourceCounts.now().heapAfterGc();
                String payload = "q".repeat(300);
                IrcTestClient watcher = chatters.get(19);
                // Bounded: 3,000 rounds x 19 lines (about 17 MB per stalled reader, past any kernel buffer); paced by the watcher so readers that keep up keep up.
                for (int round = 0; round < 3000 && s.stats().slowClientsDropped() < 20; round++) {
                    for (int c = 0; c < 19; c++) {
                        chatters.get(c).send("PRIVMSG #lobby :" + round + "/" + c + " " + payload);
                    }
                    String last = round + "/18 ";
                    watcher.awaitLine(l -> l.contains(last));
                    if (round % 20 == 19) {
                        watcher.clear();
                    }
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> s.stats().slowClientsDropped() == 20);
                assertThat(s.registry().clientCount()).isEqualTo(20);
                for (IrcTestClient c : chatters) {
                    assertThat(c.isClosed()).as("a chatter was dropped").isFalse();
                }
                chatters.get(0).send("PRIVMSG #lobby :after the purge");
                watcher.awaitContains("after the purge");
                long heapAfter = ResourceCounts.now().heapAfterGc();
                assertThat(heapAfter - heapBefore).as("heap growth, bytes").isLessThan(64L * 1024 * 1024);
            } finally {
                for (Socket sock : stalled) {
                    sock.close();
                }
                for (IrcTestClient c : chatters) {
                    c.close();
                }
            }
        }
    }

    @Test
    void twoThousandShortSessionsLeaveNothingBehind() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("flood.rate", "0", "limits.exempt", "127.0.0.1"));
             IrcTestClient observer = IrcTestClient.registered(s.port(), "observer");
             IrcTestClient second = IrcTestClient.registered(s.port(), "second")) {
            // two clients so both worker loops have started before the baseline is taken
            ResourceCounts before = ResourceCounts.now();
            int threads = 4;
            int perThread = 500;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        try (IrcTestClient c = IrcTestClient.registered(s.port(), "c" + id + "x" + i)) {
                            c.send("PRIVMSG #lobby :cycle " + i);
                            c.send("QUIT :cycle done");
                            c.awaitClosed();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(150, TimeUnit.SECONDS);
            }
            pool.shutdown();
            await().atMost(Duration.ofSeconds(20)).until(() -> s.stats().connections() == 2);
            assertThat(s.registry().clientCount()).isEqualTo(2);
            assertThat(s.registry().rooms().get("#lobby").members()).hasSize(2);
            assertThat(s.stats().connectionsTotal()).isGreaterThanOrEqualTo(2001);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                ResourceCounts after = ResourceCounts.now();
                assertThat(after.threads()).as("threads: " + after.threadNames() + " before: " + before.threadNames()).isLessThanOrEqualTo(before.threads());
                assertThat(after.fds()).as("file descriptors").isLessThanOrEqualTo(before.fds() + 2);
                assertThat(after.heapAfterGc() - before.heapAfterGc()).as("heap growth").isLessThan(32L * 1024 * 1024);
            });
        }
    }
}
