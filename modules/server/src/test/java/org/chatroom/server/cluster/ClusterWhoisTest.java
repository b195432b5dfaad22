package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WHOIS of a user of another node lists its rooms (319), also those nobody on the asking node is in. */
@Timeout(120)
class ClusterWhoisTest {
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

    /** The 319 line alice gets for {@code nick} ("" when there is none), once the WHOIS has ended. */
    private static String rooms(IrcTestClient asker, String nick) throws Exception {
        asker.clear();
        asker.send("WHOIS " + nick);
        asker.awaitLine(l -> l.contains(" 318 "));
        return asker.lines().stream().filter(l -> l.contains(" 319 ")).findFirst().orElse("");
    }

    private static void join(IrcTestClient c, String nick, String room) {
        try {
            c.send("JOIN " + room);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        c.awaitLine(l -> l.contains(" 366 " + nick + " " + room + " "));
    }

    @Test
    void roomsOfARemoteUserAreListedAndKeptTrueOnPartKickNickAndQuit() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient bob = nodes.user(b, "bob");
        IrcTestClient carol = nodes.user(b, "carol");
        alice.awaitContains(":carol!~carol@127.0.0.1 JOIN #lobby");
        join(bob, "bob", "#Dev"); // bob makes it: its operator
        join(bob, "bob", "#ops");
        join(carol, "carol", "#kick");
        join(bob, "bob", "#kick");
        join(bob, "bob", "#hidden");
        bob.send("MODE #hidden +s");
        bob.awaitLine(l -> l.endsWith(" MODE #hidden :+s"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rooms(alice, "bob"))
                .endsWith(" 319 alice bob :#lobby @#Dev #kick @#ops") // no room but #lobby has a member on node a
                .doesNotContain("#hidden")); // +s: alice is not in it

        bob.send("PART #Dev");
        carol.send("KICK #kick bob :out");
        bob.awaitContains(" KICK #kick bob :out");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rooms(alice, "bob"))
                .endsWith(" 319 alice bob :#lobby @#ops"));

        bob.send("NICK bobby");
        alice.awaitLine(l -> l.startsWith(":bob!") && l.contains(" NICK ") && l.endsWith("bobby"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rooms(alice, "bobby"))
                .endsWith(" 319 alice bobby :#lobby @#ops"));
        assertThat(nodes.redis().command("EXISTS chat:user:bob:rooms")).isEqualTo(":0");

        bob.send("QUIT :bye");
        alice.awaitLine(l -> l.startsWith(":bobby!") && l.contains(" QUIT "));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> nodes.redis().command("EXISTS chat:user:bobby:rooms").equals(":0"));
    }

    @Test
    void aLostNodesUsersLeaveNoRoomsBehind() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient bob = nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
        join(bob, "bob", "#far");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rooms(alice, "bob"))
                .endsWith(" 319 alice bob :#lobby @#far"));

        b.cluster().crash(); // its lease runs out; node a reaps it
        alice.awaitLine(l -> l.startsWith(":bob!") && l.contains(" QUIT :*.net *.split"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> nodes.redis().command("EXISTS chat:user:bob:rooms").equals(":0"));
        assertThat(nodes.redis().command("EXISTS chat:room:#far:members")).isEqualTo(":0");
    }
}
