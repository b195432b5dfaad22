package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chatroom.server.cluster.DaemonUsers.HOP;
import static org.chatroom.server.cluster.DaemonUsers.awaitJoin;
import static org.chatroom.server.cluster.DaemonUsers.awaitLine;
import static org.chatroom.server.cluster.DaemonUsers.from;
import static org.chatroom.server.cluster.DaemonUsers.join;
import static org.chatroom.server.cluster.DaemonUsers.meet;
import static org.chatroom.server.cluster.DaemonUsers.member;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ClusterNodes;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three daemons as separate processes: one killed with SIGKILL (its users quit everywhere within the
 * lease, as a netsplit, and their nicks become free), and Redis killed and started again (each node
 * serves its own users meanwhile, then the cluster heals).
 */
@Timeout(120)
class ThreeDaemonsFailureTest {
    private static final Duration LEASE = Duration.ofSeconds(2);

    @RegisterExtension
    static final ClusterNodes CLUSTER = ClusterNodes.of(3, LEASE);

    /**
     * Every test starts with Redis up, every node running and every node back in touch with Redis (after
     * an outage a node's client reconnects after a back-off of its own, and a room joined meanwhile on it
     * is that node's alone until it is).
     */
    @BeforeEach
    void aWholeCluster() throws Exception {
        if (!redisAnswers()) {
            CLUSTER.redis().start();
        }
        for (int i = 1; i <= 3; i++) {
            if (!CLUSTER.node(i).isAlive()) {
                CLUSTER.restart(i);
            }
        }
        awaitBackOn(1, 2, 3);
    }

    /** Waits until each of these nodes says in {@code chat-admin stats} that it is in touch with Redis and all three nodes. */
    private static void awaitBackOn(int... nodes) throws Exception {
        for (int i : nodes) {
            AdminTestClient admin = CLUSTER.admin(i);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(admin.call("stats").text()).as("n%d's stats", i).contains("ok, 3 nodes"));
        }
    }

    private static boolean redisAnswers() {
        try {
            return CLUSTER.redis().command("PING").equals("+PONG");
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Waits until each of these nodes says in {@code chat-admin stats} that it lost Redis. */
    private static void awaitRedisDownOn(int... nodes) throws Exception {
        for (int i : nodes) {
            AdminTestClient admin = CLUSTER.admin(i);
            await().atMost(HOP).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(admin.call("stats").text()).as("n%d's stats", i).contains("redis down"));
        }
    }

    /** Bound on seeing a dead node's users quit: the lease, one expiry check, one hop. */
    private static Duration withinTheLease() {
        return LEASE.plus(LEASE).plus(Duration.ofSeconds(2));
    }

    @Test
    void aKilledNodesUsersQuitEverywhereAsANetsplitAndTheirNicksAreFree() throws Exception {
        IrcTestClient plain = CLUSTER.user(1, "watch1");
        IrcTestClient batched = DaemonUsers.withCaps(CLUSTER, 2, "watch2", "batch");
        IrcTestClient doomed = CLUSTER.user(3, "doomed");
        meet("#split", member("watch1", plain), member("watch2", batched), member("doomed", doomed));

        CLUSTER.node(3).kill();
        awaitLine(plain, from("doomed", " QUIT :*.net *.split"), withinTheLease());
        String quit = awaitLine(batched, from("doomed", " QUIT :*.net *.split"), withinTheLease());

        String id = IrcMessage.parse(quit).tags().get("batch");
        assertThat(id).as("the quit comes inside a batch for a client with the batch capability: %s", quit).isNotNull();
        String start = awaitLine(batched, l -> l.contains(" BATCH +" + id + " netsplit"));
        assertThat(start).as("a netsplit batch names the two servers").matches(".* BATCH \\+" + id + " netsplit \\S+ \\S+$");
        awaitLine(batched, l -> l.endsWith(" BATCH -" + id));
        assertThat(plain.lines()).as("one quit per user, not one per room").filteredOn(from("doomed", " QUIT ")).hasSize(1);

        IrcTestClient heir = CLUSTER.connect(1);
        heir.send("USER heir 0 * :heir");
        await().atMost(HOP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            heir.send("NICK doomed");
            assertThat(heir.received(" 001 doomed ")).as("the dead node's nick is free").isTrue();
        });
        plain.clear();
        plain.send("NAMES #split");
        String names = awaitLine(plain, l -> l.contains(" 353 watch1 ") && l.contains(" #split :"));
        assertThat(Stream.of(IrcMessage.parse(names).last().split(" ")).map(n -> n.replaceFirst("^[@+]", "")))
                .as("n1 has the live node's user in the room still, and not the dead one's")
                .containsExactlyInAnyOrder("watch1", "watch2");

        CLUSTER.restart(3); // the same node id again: it joins the cluster as new
        IrcTestClient back = CLUSTER.user(3, "back3");
        join(back, "back3", "#split");
        awaitJoin("back3", "#split", plain);
        back.send("PRIVMSG #split :n3 is back");
        awaitLine(plain, from("back3", " PRIVMSG #split :n3 is back"));
        awaitLine(batched, from("back3", " PRIVMSG #split :n3 is back"));
    }

    @Test
    void withoutRedisEachNodeServesItsOwnUsersThenTheClusterHeals() throws Exception {
        IrcTestClient one = CLUSTER.user(1, "local1");
        IrcTestClient two = CLUSTER.user(1, "local2");
        IrcTestClient far = CLUSTER.user(2, "far");
        meet("#outage", member("local1", one), member("local2", two), member("far", far));
        one.send("PRIVMSG #outage :before");
        awaitLine(far, from("local1", " PRIVMSG #outage :before"));

        CLUSTER.redis().stop();
        awaitRedisDownOn(1, 2);
        one.send("PRIVMSG #outage :during the outage");
        awaitLine(two, from("local1", " PRIVMSG #outage :during the outage"));
        IrcTestClient newcomer = CLUSTER.user(1, "newcomer"); // a new user registers on a node without Redis
        join(newcomer, "newcomer", "#outage");
        awaitJoin("newcomer", "#outage", one);

        CLUSTER.redis().start();
        AtomicInteger n = new AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            one.send("PRIVMSG #outage :healed? " + n.incrementAndGet());
            assertThat(far.lines()).as("n1's room reaches n2 again").anyMatch(from("local1", " PRIVMSG #outage :healed? "));
        });
        far.send("PRIVMSG #outage :and back");
        awaitLine(one, from("far", " PRIVMSG #outage :and back"));
        awaitLine(newcomer, from("far", " PRIVMSG #outage :and back"));
        await().atMost(HOP).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            far.clear();
            far.send("NAMES #outage");
            String names = awaitLine(far, l -> l.contains(" 353 far ") && l.contains(" #outage :"));
            assertThat(IrcMessage.parse(names).last().split(" ")).as("n2 learns who joined n1 during the outage")
                    .contains("newcomer", "local2");
        });
    }

    @Test
    void whatPubSubLostDuringARedisOutageIsFilledFromHistory() throws Exception {
        IrcTestClient here = CLUSTER.user(1, "gap1");
        IrcTestClient there = CLUSTER.user(3, "gap3");
        meet("#gap", member("gap1", here), member("gap3", there));

        CLUSTER.redis().stop();
        awaitRedisDownOn(1, 3);
        here.send("PRIVMSG #gap :said while Redis was down");
        here.sync();
        CLUSTER.redis().start();
        awaitLine(there, from("gap1", " PRIVMSG #gap :said while Redis was down"), Duration.ofSeconds(30));
        awaitBackOn(1, 3);
        here.send("PRIVMSG #gap :after the outage");
        awaitLine(there, from("gap1", " PRIVMSG #gap :after the outage"));
        there.sync();
        assertThat(there.lines()).as("each message once: filled from history or live, never both")
                .filteredOn(l -> l.contains(" PRIVMSG #gap :")).hasSize(2);
        assertThat(here.lines()).as("the sender's own line is not filled back to it")
                .noneMatch(l -> l.contains(" PRIVMSG #gap :said while Redis was down"));
    }
}
