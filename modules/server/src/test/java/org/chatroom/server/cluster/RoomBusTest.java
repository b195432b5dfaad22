package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chatroom.server.support.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three nodes' buses, each on its own connections, against a real throwaway redis-server. */
class RoomBusTest {
    private RedisTestServer redis;
    private final List<AutoCloseable> open = new java.util.ArrayList<>();
    private Node a;
    private Node b;
    private Node c;

    private final class Node {
        final List<ClusterEvent> got = new CopyOnWriteArrayList<>();
        final RoomBus bus;

        Node(String id) {
            RedisLink link = RedisLink.connect(redis.uri(), Duration.ofSeconds(5));
            bus = new RoomBus(link, id, got::add);
            open.add(bus);
            open.add(link);
        }
    }

    @BeforeEach
    void nodes() {
        redis = RedisTestServer.startNew();
        a = new Node("node-a");
        b = new Node("node-b");
        c = new Node("node-c");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable x : open) {
            x.close();
        }
        redis.close();
    }

    private static ClusterEvent say(String origin, String text) {
        return new ClusterEvent("PRIVMSG", origin, "m-" + text, 1_764_590_400_000L, "alice!~a@host", "#dev",
                "+typing=done", text);
    }

    @Test
    void aRoomsEventReachesTheOtherListeningNodesOnceAndNeverItsOrigin() {
        b.bus.listen("#dev").join();
        c.bus.listen("#dev").join();
        c.bus.listen("#dev").join(); // twice: still one subscription
        a.bus.listen("#dev").join();

        assertThat(a.bus.toRoom("#dev", say("node-a", "hello there")).join()).as("subscribers reached").isEqualTo(3L);

        await().atMost(Duration.ofSeconds(5)).until(() -> b.got.size() == 1 && c.got.size() == 1);
        assertThat(b.got.get(0)).isEqualTo(say("node-a", "hello there"));
        assertThat(c.got).containsExactly(say("node-a", "hello there"));
        assertThat(a.got).as("the origin delivered it already").isEmpty();
    }

    @Test
    void aNodeThatStopsListeningGetsNoMore() {
        b.bus.listen("#dev").join();
        c.bus.listen("#dev").join();
        c.bus.ignore("#dev").join();
        assertThat(c.bus.listening()).isEmpty();

        a.bus.toRoom("#dev", say("node-a", "one")).join();
        a.bus.toRoom("#ops", say("node-a", "elsewhere")).join();

        await().atMost(Duration.ofSeconds(5)).until(() -> b.got.size() == 1);
        b.bus.toRoom("#dev", say("node-b", "marker")).join(); // c would have it by now if it still listened
        a.bus.listen("#dev").join();
        b.bus.toRoom("#dev", say("node-b", "marker2")).join();
        await().atMost(Duration.ofSeconds(5)).until(() -> a.got.size() == 1);
        assertThat(c.got).isEmpty();
        assertThat(b.got).extracting(ClusterEvent::params).containsExactly("one");
    }

    @Test
    void aPrivateMessageGoesToTheInboxOfTheUsersNode() {
        ClusterEvent query = new ClusterEvent("PRIVMSG", "node-a", "m1", 1L, "alice!~a@host", "bob", "", "psst");
        assertThat(a.bus.toNode("node-c", query).join()).isEqualTo(1L);
        await().atMost(Duration.ofSeconds(5)).until(() -> c.got.size() == 1);
        assertThat(c.got).containsExactly(query);
        assertThat(b.got).isEmpty();
    }

    @Test
    void subscriptionsComeBackAfterRedisRestarts() {
        b.bus.listen("#dev").join();
        redis.stop();
        redis.start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            a.bus.toRoom("#dev", say("node-a", "again")).get(1, java.util.concurrent.TimeUnit.SECONDS);
            return !b.got.isEmpty();
        });
        assertThat(b.got).extracting(ClusterEvent::params).containsOnly("again");
    }
}
