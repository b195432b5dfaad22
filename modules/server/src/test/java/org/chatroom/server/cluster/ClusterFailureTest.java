package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.PostgresExtension;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Races and failures across real daemons: one nick for two nodes, a node lost, Redis lost and back. */
@Timeout(180)
class ClusterFailureTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    private ClusterNodes nodes;
    private ChatServer a;
    private ChatServer b;

    @BeforeEach
    void twoNodes() throws Exception {
        nodes = new ClusterNodes(PG);
        a = nodes.start("node-a");
        b = nodes.start("node-b");
    }

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    @Test
    void twoUsersRacingForOneNickOnTwoNodesGetItOnceAnd433Once() throws Exception {
        IrcTestClient x = nodes.user(a, "xavier");
        IrcTestClient y = nodes.user(b, "yvonne");
        String[] held = {"xavier", "yvonne"};
        IrcTestClient[] users = {x, y};
        for (int round = 0; round < 30; round++) {
            String nick = "racer" + round;
            x.clear();
            y.clear();
            x.send("NICK " + nick);
            y.send("NICK " + nick);
            boolean[] won = new boolean[2];
            for (int i = 0; i < 2; i++) {
                String mine = held[i];
                String got = users[i].awaitLine(l -> (l.startsWith(":" + mine + "!") && l.endsWith(" NICK " + nick))
                        || l.contains(" 433 " + mine + " " + nick + " "));
                won[i] = !got.contains(" 433 ");
            }
            assertThat(won[0] ^ won[1]).as("round %d: exactly one of the two gets %s", round, nick).isTrue();
            int loser = won[0] ? 1 : 0;
            held[1 - loser] = nick;
            String fallback = "loser" + round;
            users[loser].send("NICK " + fallback); // the loser keeps its old nick; both move on
            String before = held[loser];
            users[loser].awaitLine(l -> l.startsWith(":" + before + "!") && l.endsWith(" NICK " + fallback));
            held[loser] = fallback;
        }
    }

    @Test
    void aNodeThatStopsRenewingItsLeaseLosesItsUsersEverywhereAndTheirNicksAreFree() throws Exception {
        IrcTestClient alice = nodes.connect(a);
        alice.send("CAP LS 302");
        alice.send("CAP REQ :batch");
        alice.send("NICK alice");
        alice.send("USER alice 0 * :Alice");
        alice.send("CAP END");
        alice.awaitContains(" 366 alice #lobby ");
        nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");

        b.cluster().crash(); // as a killed process: no goodbye, its lease just runs out

        String quit = await().atMost(ClusterNodes.LEASE.multipliedBy(6))
                .until(() -> alice.lines().stream().filter(l -> l.contains(":bob!~bob@127.0.0.1 QUIT")).findFirst()
                        .orElse(null), java.util.Objects::nonNull);
        assertThat(quit).startsWith("@batch=").endsWith("QUIT :*.net *.split");
        assertThat(alice.lines()).anyMatch(l -> l.contains(" BATCH +") && l.contains(" netsplit "));
        IrcTestClient bob2 = nodes.user(a, "bob"); // the nick is free again
        bob2.sync();
        alice.send("WHOIS bob");
        alice.awaitLine(l -> l.contains(" 311 alice bob ~bob 127.0.0.1 "));
    }

    @Test
    void aNodeShutDownCleanlyTakesItsUsersAwayAtOnce() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
        b.close();
        alice.awaitContains(":bob!~bob@127.0.0.1 QUIT :*.net *.split");
        alice.send("NICK bob");
        alice.awaitLine(l -> l.endsWith(":alice!~alice@127.0.0.1 NICK bob"));
    }

    @Test
    void whileRedisIsAwayLocalChatGoesOnAndAfterwardsTheClusterHeals() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient carol = nodes.user(a, "carol");
        IrcTestClient bob = nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");

        nodes.redis().stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.cluster().describe().contains("redis down")
                && b.cluster().describe().contains("redis down"));
        alice.send("PRIVMSG #lobby :said while redis was away");
        carol.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG #lobby :said while redis was away");
        alice.send("PRIVMSG bob :can you hear me?");
        alice.awaitContains("The node of bob cannot be reached right now"); // refused, not lost without a word
        IrcTestClient dave = nodes.user(b, "dave"); // registering goes on too, with the nick claimed later
        dave.sync();

        nodes.redis().start(); // empty: it kept nothing
        await().atMost(Duration.ofSeconds(40)).until(() -> a.cluster().describe().startsWith("cluster: ok")
                && b.cluster().describe().startsWith("cluster: ok"));
        bob.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG #lobby :said while redis was away"); // from the history
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            bob.send("PRIVMSG #lobby :are we one again?");
            bob.sync();
            assertThat(alice.lines()).anyMatch(l -> l.contains(":bob!~bob@127.0.0.1 PRIVMSG #lobby :are we one again?"));
        });
        alice.send("WHOIS dave");
        alice.awaitLine(l -> l.contains(" 311 alice dave ~dave 127.0.0.1 "));
        assertThat(nodes.redis().command("GET chat:nick:alice")).as("alice's claim made again").startsWith("$");
    }

    @Test
    void aClusterOnSqliteOrWithoutRedisDoesNotStart() throws Exception {
        assertThatThrownBy(() -> TestServer.start(Map.of("cluster.enabled", "true", "cluster.node.id", "x")))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("a cluster needs store.url=jdbc:postgresql:");
        Map<String, String> cfg = new java.util.HashMap<>(nodes.config("node-c"));
        cfg.put("cluster.redis.uri", "redis://127.0.0.1:1");
        assertThatThrownBy(() -> TestServer.start(cfg))
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith("cannot reach Redis at redis://127.0.0.1:1");
    }
}
