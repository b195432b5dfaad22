package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What one node's admin console does reaches the users of every node: server bans and server notices. */
@Timeout(120)
class ClusterBanAndSayTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    private ClusterNodes nodes;
    private ChatServer a;
    private ChatServer b;
    private AdminTestClient adminA;
    private AdminTestClient adminB;

    @BeforeEach
    void twoNodesWithConsoles() throws Exception {
        nodes = new ClusterNodes(PG);
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "cb");
        a = nodes.start("node-a", Map.of("admin.enabled", "true", "admin.socket", dir.resolve("a.sock").toString()));
        b = nodes.start("node-b", Map.of("admin.enabled", "true", "admin.socket", dir.resolve("b.sock").toString()));
        adminA = new AdminTestClient(dir.resolve("a.sock"));
        adminB = new AdminTestClient(dir.resolve("b.sock"));
    }

    @AfterEach
    void close() throws Exception {
        adminA.close();
        adminB.close();
        nodes.close();
    }

    /** Registers {@code nick} on {@code node}: the 465 line, or fails if it got in. */
    private String refusal(ChatServer node, String nick) throws Exception {
        IrcTestClient c = nodes.connect(node);
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
        String line = c.awaitLine(l -> l.contains(" 465 ") || l.contains(" 001 "));
        assertThat(line).as(nick + " should be refused").contains(" 465 ");
        c.awaitClosed();
        return line;
    }

    @Test
    void aBanOnOneNodeDropsAndRefusesMatchingUsersOfEveryNodeUntilLifted() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient troll = nodes.user(b, "troll");
        alice.awaitContains(":troll!~troll@127.0.0.1 JOIN #lobby");

        assertThat(adminA.call("ban troll* flooding").body())
                .containsExactly("banned troll*!*@* for good (1 users disconnected)");
        troll.awaitContains(" KICK #lobby troll :Banned: flooding"); // by its own node
        troll.awaitClosed();
        alice.awaitContains(" KICK #lobby troll :Banned: flooding");

        // in force on the other node without a restart: listed there, and refused there
        assertThat(adminB.call("bans").body()).singleElement().asString()
                .startsWith("mask=troll*!*@* expires=never left=-1 ").contains(" set_by=admin:")
                .endsWith(" reason=flooding");
        assertThat(refusal(b, "trolley")).endsWith(":You are banned from this server: flooding");
        assertThat(refusal(a, "troll2")).endsWith(":You are banned from this server: flooding");

        assertThat(adminA.call("unban troll*").body()).containsExactly("unbanned troll*!*@*");
        await().atMost(Duration.ofSeconds(5)).until(() -> adminB.call("bans").body().isEmpty());
        IrcTestClient back = nodes.user(b, "troll");
        assertThat(back.received(" 001 troll ")).isTrue();
    }

    @Test
    void aTimedBanSetOnTheOtherNodeEndsEverywhere() throws Exception {
        assertThat(adminB.call("ban *!*@127.0.0.* 2s cooling off").body())
                .containsExactly("banned *!*@127.0.0.* for 2s (0 users disconnected)");
        await().atMost(Duration.ofSeconds(5)).until(() -> !adminA.call("bans").body().isEmpty());
        assertThat(refusal(a, "anyone")).contains(":You are banned from this server: cooling off (until ");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> adminA.call("bans").body().isEmpty());
        assertThat(nodes.user(a, "anyone").received(" 001 anyone ")).isTrue();
    }

    @Test
    void sayReachesEveryUserOrARoomsMembersOnEveryNode() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient bob = nodes.user(b, "bob");
        IrcTestClient carol = nodes.user(b, "carol");
        alice.awaitContains(":carol!~carol@127.0.0.1 JOIN #lobby");
        carol.send("JOIN #far"); // a room with no member on node a
        carol.awaitLine(l -> l.contains(" 366 carol #far "));

        assertThat(adminA.call("say #far meeting at noon").body())
                .containsExactly("sent to #far (0 members here, and the members on 1 other nodes)");
        carol.awaitContains(" NOTICE #far :meeting at noon");

        assertThat(adminA.call("say #lobby hello lobby").body())
                .containsExactly("sent to #lobby (1 members here, and the members on 1 other nodes)");
        alice.awaitContains(" NOTICE #lobby :hello lobby");
        bob.awaitContains(" NOTICE #lobby :hello lobby");

        assertThat(adminA.call("say restart at six").body()).containsExactly("sent to 3 users");
        alice.awaitContains(" NOTICE alice :restart at six");
        bob.awaitContains(" NOTICE bob :restart at six");
        carol.awaitContains(" NOTICE carol :restart at six");

        assertThat(adminA.call("say #nowhere anyone?").status())
                .isEqualTo("ERR 300 no such room: #nowhere (no node has members in it)");
        bob.sync();
        assertThat(bob.lines()).as("a room notice reaches members only").noneMatch(l -> l.contains("meeting at noon"));
    }

    @Test
    void withoutRedisSayReachesThisNodesUsersAndTellsTheAdminSo() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient bob = nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
        nodes.redis().stop();

        assertThat(adminA.call("say back soon").body())
                .containsExactly("sent to 1 users on this node (the other nodes cannot be reached)");
        alice.awaitContains(" NOTICE alice :back soon");
        assertThat(adminA.call("say #lobby lobby only").body())
                .containsExactly("sent to #lobby (1 members here; not to other nodes: Redis unreachable)");
        alice.awaitContains(" NOTICE #lobby :lobby only");
        bob.sync();
        assertThat(bob.lines()).noneMatch(l -> l.contains("back soon") || l.contains("lobby only"));
    }

    @Test
    void aBanSetWhileANodeWasCutOffHoldsThereOnceRedisIsBack() throws Exception {
        IrcTestClient troll = nodes.user(a, "trollish");
        nodes.redis().stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.cluster().describe().contains("redis down")
                && b.cluster().describe().contains("redis down"));
        assertThat(adminB.call("ban troll* flooding").body()).first().asString().startsWith("banned troll*!*@*");

        nodes.redis().start(); // node a never heard of the ban: it reads the bans again as it resyncs
        troll.awaitClosed();
        assertThat(refusal(a, "trolling")).contains("flooding");
    }
}
