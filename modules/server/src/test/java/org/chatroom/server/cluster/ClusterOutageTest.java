package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis stopped and started again (empty) under two daemons: what each node's users said meanwhile reaches
 * the other node once, nobody is shown leaving while the nodes resynchronise, and a room made on a node
 * during the outage gives way to the same room elsewhere.
 */
@Timeout(120)
class ClusterOutageTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    private ClusterNodes nodes;
    private ChatServer a;
    private ChatServer b;
    private IrcTestClient alice;
    private IrcTestClient bob;

    @BeforeEach
    void cluster() throws Exception {
        nodes = new ClusterNodes(PG);
    }

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    /** Nodes a and b with {@code extra} settings, alice on a and bob on b (both in #lobby). */
    private void start(Map<String, String> extra) throws java.io.IOException {
        a = nodes.start("node-a", extra);
        b = nodes.start("node-b", extra);
        alice = nodes.user(a, "alice");
        bob = nodes.user(b, "bob");
    }

    private void outage(Runnable meanwhile) {
        nodes.redis().stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.cluster().describe().contains("redis down")
                && b.cluster().describe().contains("redis down"));
        meanwhile.run();
        nodes.redis().start(); // empty: it kept nothing
        await().atMost(Duration.ofSeconds(20)).until(() -> a.cluster().describe().equals("cluster: ok, 2 nodes")
                && b.cluster().describe().equals("cluster: ok, 2 nodes"));
    }

    private static void say(IrcTestClient c, String line) {
        try {
            c.send(line);
            c.sync();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void whatANodesUsersSaidDuringTheOutageIsPublishedLateWithoutHistory() throws Exception {
        start(Map.of("history.enabled", "false"));
        say(alice, "JOIN #cut");
        say(bob, "JOIN #cut");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #cut");

        outage(() -> {
            say(alice, "PRIVMSG #cut :said while cut off");
            say(alice, "TOPIC #cut :set while cut off");
        });

        bob.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG #cut :said while cut off");
        bob.awaitContains(":alice!~alice@127.0.0.1 TOPIC #cut :set while cut off");
        IrcTestClient carol = nodes.user(b, "carol"); // #cut is read from Redis again: its topic was written back
        say(carol, "JOIN #cut");
        carol.awaitContains(" 332 carol #cut :set while cut off");
        say(bob, "PRIVMSG #cut :heard you");
        alice.awaitContains(":bob!~bob@127.0.0.1 PRIVMSG #cut :heard you");
        assertThat(bob.lines()).as("once").filteredOn(l -> l.contains("PRIVMSG #cut :said while cut off")).hasSize(1);
        assertThat(alice.lines()).as("not back to its sender").filteredOn(l -> l.contains(":said while cut off"))
                .isEmpty();
    }

    @Test
    void withHistoryEachLostMessageArrivesOnceAndNobodyIsShownLeaving() throws Exception {
        start(Map.of());
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");

        outage(() -> {
            say(alice, "PRIVMSG #lobby :one from a");
            say(bob, "PRIVMSG #lobby :one from b");
        });

        bob.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG #lobby :one from a");
        alice.awaitContains(":bob!~bob@127.0.0.1 PRIVMSG #lobby :one from b");
        say(alice, "PRIVMSG #lobby :after");
        bob.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG #lobby :after");
        say(bob, "PRIVMSG #lobby :after too");
        alice.awaitContains(":bob!~bob@127.0.0.1 PRIVMSG #lobby :after too");
        assertThat(bob.lines()).as("filled from the history or published late, never both")
                .filteredOn(l -> l.contains(" PRIVMSG #lobby :one from a")).hasSize(1);
        assertThat(alice.lines()).filteredOn(l -> l.contains(" PRIVMSG #lobby :one from b")).hasSize(1);
        assertThat(alice.lines()).as("bob never left, whichever node resynchronised first")
                .noneMatch(l -> l.startsWith(":bob!") && (l.contains(" QUIT ") || l.contains(" PART ")));
        assertThat(bob.lines()).noneMatch(l -> l.startsWith(":alice!") && (l.contains(" QUIT ") || l.contains(" PART ")));
    }

    @Test
    void aRoomMadeOnANodeDuringTheOutageGivesWayToTheSameRoomElsewhere() throws Exception {
        start(Map.of());
        say(bob, "JOIN #both");
        bob.awaitContains(" 353 bob = #both :@bob");

        outage(() -> {
            say(alice, "JOIN #both"); // node a cannot know #both: it makes the room, and alice gets op there
            alice.awaitContains(" 353 alice = #both :@alice");
        });

        alice.awaitLine(l -> l.endsWith(" MODE #both -o alice") || l.endsWith(" MODE #both -o :alice"));
        bob.awaitContains(":alice!~alice@127.0.0.1 JOIN #both");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            alice.clear();
            say(alice, "NAMES #both");
            String names = alice.awaitLine(l -> l.contains(" 353 alice ") && l.contains(" #both :"));
            assertThat(names.substring(names.lastIndexOf(':') + 1).split(" ")).containsExactlyInAnyOrder("@bob", "alice");
        });
    }

    @Test
    void aRoomLeftDuringTheOutageIsNoLongerListedElsewhereWhenRedisKeptItsData() throws Exception {
        start(Map.of());
        say(alice, "JOIN #gone");
        say(bob, "JOIN #gone");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #gone");

        assertThat(nodes.redis().command("SAVE")).isEqualTo("+OK"); // this Redis comes back with its data
        nodes.redis().stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.cluster().describe().contains("redis down"));
        say(alice, "PART #gone"); // its entry in Redis cannot be removed now
        await().atMost(Duration.ofSeconds(10)).until(() -> b.cluster().describe().contains("redis down"));
        nodes.redis().start();
        await().atMost(Duration.ofSeconds(20)).until(() -> a.cluster().describe().equals("cluster: ok, 2 nodes")
                && b.cluster().describe().equals("cluster: ok, 2 nodes"));

        bob.awaitContains(":alice!~alice@127.0.0.1 PART #gone");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(nodes.redis().command("HGET chat:room:#gone:members alice")).as("alice's entry").isEqualTo("$-1"));
    }
}
