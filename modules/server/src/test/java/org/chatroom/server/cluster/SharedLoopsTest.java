package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.resource.Transports;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chatroom.server.net.Transport;
import org.chatroom.server.support.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Redis client on event loops a daemon lends ({@link SharedLoops}), for every transport this machine runs,
 * against a real redis-server: on the lent loop when they are of the transport Lettuce makes its connections
 * for, else on Lettuce's own threads (NIO on a machine with epoll). The receiving link names its host
 * ({@code localhost}), so the name is looked up the way a shared loop allows.
 */
@Timeout(60)
class SharedLoopsTest {
    private RedisTestServer redis;
    private final List<AutoCloseable> open = new ArrayList<>();
    private MultiThreadIoEventLoopGroup group;
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final List<ClusterEvent> got = new CopyOnWriteArrayList<>();

    static Stream<Transport> transports() {
        return Arrays.stream(Transport.values()).filter(Transport::isAvailable);
    }

    @BeforeEach
    void redis() {
        redis = RedisTestServer.startNew();
    }

    @AfterEach
    void close() throws Exception {
        closeOpen();
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        redis.close();
    }

    /** Buses before their links, as the daemon closes them. */
    private void closeOpen() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.remove(i).close();
        }
    }

    private SharedLoops lend(Transport t) {
        java.util.concurrent.ThreadFactory named = r -> new Thread(r, "lent-" + t.configName());
        group = new MultiThreadIoEventLoopGroup(1, named, t.ioHandlerFactory());
        return new SharedLoops(group, t.socketChannel());
    }

    private RedisLink link(String uri, SharedLoops loops) {
        RedisLink link = RedisLink.connect(uri, Duration.ofSeconds(5), loops);
        open.add(link);
        return link;
    }

    /** Node b (its link by host name) listens to #dev, recording what it gets and on which thread; answers node a. */
    private RoomBus twoNodes(Transport t) {
        SharedLoops loops = lend(t);
        RoomBus a = new RoomBus(link(redis.uri(), loops), "node-a", e -> { });
        open.add(a);
        RoomBus b = new RoomBus(link("redis://localhost:" + redis.port(), loops), "node-b", e -> {
            threads.add(Thread.currentThread().getName());
            got.add(e);
        });
        open.add(b);
        b.listen("#dev").join();
        return a;
    }

    /** The thread names a link on loops of {@code t} must deliver on. */
    private static String expectedThread(Transport t) {
        return t.socketChannel() == Transports.socketChannelClass() ? "lent-" + t.configName() : "lettuce-";
    }

    private static ClusterEvent say(String text) {
        return new ClusterEvent("PRIVMSG", "node-a", "m-" + text, 1_764_590_400_000L, "alice!~a@host", "#dev", "", text);
    }

    @ParameterizedTest
    @MethodSource("transports")
    void eventsArriveOnTheLentLoopAndClosingTheLinksLeavesItRunning(Transport t) throws Exception {
        RoomBus a = twoNodes(t);

        assertThat(a.toRoom("#dev", say("hello")).get(5, TimeUnit.SECONDS)).as("subscribers reached").isEqualTo(1L);

        await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 1);
        assertThat(got).containsExactly(say("hello"));
        assertThat(threads).as("read and handed over on the daemon's loop when it can be shared").hasSize(1)
                .allMatch(name -> name.startsWith(expectedThread(t)));

        closeOpen();
        assertThat(group.isShuttingDown()).as("Lettuce stopped the daemon's loops").isFalse();
        assertThat(group.submit(() -> "still running").get(2, TimeUnit.SECONDS)).isEqualTo("still running");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void theLinkComesBackOnTheLentLoopAfterRedisRestarts(Transport t) {
        RoomBus a = twoNodes(t);

        redis.stop();
        redis.start();
        // reconnecting (scheduled on the lent loop, the name looked up again) and subscribing again are Lettuce's
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            a.toRoom("#dev", say("again")).get(1, TimeUnit.SECONDS);
            return !got.isEmpty();
        });
        assertThat(got).extracting(ClusterEvent::params).containsOnly("again");
        assertThat(threads).allMatch(name -> name.startsWith(expectedThread(t)));
    }

    @org.junit.jupiter.api.Test
    void aTlsLinkOrAnotherTransportKeepsLettucesThreadsAndSaysWhy() {
        Class<?> lettuces = Transports.socketChannelClass();
        assertThat(RedisThreads.whyNotShared(io.lettuce.core.RedisURI.create("redis://127.0.0.1:6379"), lettuces, lettuces))
                .isNull();
        assertThat(RedisThreads.whyNotShared(io.lettuce.core.RedisURI.create("rediss://127.0.0.1:6379"), lettuces,
                lettuces)).startsWith("rediss: ");
        assertThat(RedisThreads.whyNotShared(io.lettuce.core.RedisURI.create("redis://127.0.0.1:6379"), Object.class,
                lettuces)).contains("the daemon's transport makes Objects, Lettuce makes " + lettuces.getSimpleName());
    }
}
