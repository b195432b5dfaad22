package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chatroom.server.cluster.DaemonUsers.HOP;
import static org.chatroom.server.cluster.DaemonUsers.awaitLine;
import static org.chatroom.server.cluster.DaemonUsers.from;
import static org.chatroom.server.cluster.DaemonUsers.join;
import static org.chatroom.server.cluster.DaemonUsers.meet;
import static org.chatroom.server.cluster.DaemonUsers.mode;
import static org.chatroom.server.cluster.DaemonUsers.member;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ClusterNodes;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three daemons as separate processes, one Redis, one PostgreSQL: users who landed on different nodes
 * talk as if on one server, in a room and privately; NAMES, history and the admin console see everyone.
 */
@Timeout(120)
class ThreeDaemonsChatTest {
    @RegisterExtension
    static final ClusterNodes CLUSTER = ClusterNodes.of(3, Duration.ofSeconds(2));

    @Test
    void usersOnThreeNodesTalkInOneRoomAndPrivately() throws Exception {
        IrcTestClient ann = CLUSTER.user(1, "ann");
        IrcTestClient bob = CLUSTER.user(2, "bob");
        IrcTestClient cy = CLUSTER.user(3, "cy");
        meet("#talk", member("ann", ann), member("bob", bob), member("cy", cy));

        ann.send("PRIVMSG #talk :hello from n1");
        bob.send("PRIVMSG #talk :hello from n2");
        cy.send("PRIVMSG #talk :hello from n3");
        for (IrcTestClient c : List.of(bob, cy)) {
            awaitLine(c, from("ann", " PRIVMSG #talk :hello from n1"));
        }
        for (IrcTestClient c : List.of(ann, cy)) {
            awaitLine(c, from("bob", " PRIVMSG #talk :hello from n2"));
        }
        for (IrcTestClient c : List.of(ann, bob)) {
            awaitLine(c, from("cy", " PRIVMSG #talk :hello from n3"));
        }

        ann.send("PRIVMSG cy :psst, only you");
        awaitLine(cy, from("ann", " PRIVMSG cy :psst, only you"));
        cy.send("NOTICE ann :got it");
        awaitLine(ann, from("cy", " NOTICE ann :got it"));
        bob.sync();
        assertThat(bob.lines()).as("a private message goes to its target's node only").noneMatch(l -> l.contains("psst"));
        assertThat(ann.lines()).as("no echo of one's own message without echo-message")
                .noneMatch(from("ann", "hello from n1"));
    }

    @Test
    void aNickRaceAcrossNodesHasExactlyOneWinnerAndTheNickIsFreedAtQuit() throws Exception {
        for (int round = 0; round < 8; round++) {
            String nick = "race" + round;
            List<IrcTestClient> racers = List.of(CLUSTER.connect(1), CLUSTER.connect(2), CLUSTER.connect(3));
            for (IrcTestClient r : racers) { // as close together as three sockets allow
                r.send("NICK " + nick + "\r\nUSER " + nick + " 0 * :racer");
            }
            for (IrcTestClient r : racers) {
                awaitLine(r, l -> l.contains(" 001 " + nick + " ") || l.contains(" 433 * " + nick + " "));
            }
            List<IrcTestClient> winners = racers.stream().filter(r -> r.received(" 001 " + nick + " ")).toList();
            assertThat(winners).as("round %d: exactly one of three registers as %s", round, nick).hasSize(1);
            assertThat(racers.stream().filter(r -> r.received(" 433 * " + nick + " "))).hasSize(2);

            IrcTestClient loser = racers.stream().filter(r -> r != winners.get(0)).findFirst().orElseThrow();
            winners.get(0).send("QUIT :bye");
            await().atMost(HOP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> { // the release is asynchronous
                loser.send("NICK " + nick);
                assertThat(loser.received(" 001 " + nick + " ")).as("%s free again after its owner quit", nick).isTrue();
            });
        }
    }

    @Test
    void aNickChangeRaceAcrossNodesHasOneWinner() throws Exception {
        IrcTestClient left = CLUSTER.user(1, "lefty");
        IrcTestClient right = CLUSTER.user(2, "righty");
        for (int round = 0; round < 5; round++) {
            String target = "prize" + round;
            left.send("NICK " + target);
            right.send("NICK " + target);
            Predicate<String> leftTook = from("lefty", " NICK").and(l -> l.endsWith(" " + target) || l.endsWith(":" + target));
            Predicate<String> rightTook = from("righty", " NICK").and(l -> l.endsWith(" " + target) || l.endsWith(":" + target));
            awaitLine(left, leftTook.or(l -> l.contains(" 433 lefty " + target + " ")));
            awaitLine(right, rightTook.or(l -> l.contains(" 433 righty " + target + " ")));
            boolean leftWon = left.lines().stream().anyMatch(leftTook);
            boolean rightWon = right.lines().stream().anyMatch(rightTook);
            assertThat(leftWon ^ rightWon).as("round %d: exactly one takes %s (left %s, right %s)", round, target,
                    leftWon, rightWon).isTrue();
            IrcTestClient winner = leftWon ? left : right;
            IrcTestClient loser = leftWon ? right : left;
            assertThat(loser.received(" 433 " + (leftWon ? "righty " : "lefty ") + target + " ")).isTrue();
            winner.send("NICK " + (leftWon ? "lefty" : "righty")); // back, for the next round
            awaitLine(winner, l -> l.contains(":" + target + "!") && l.contains(" NICK"));
            left.clear();
            right.clear();
        }
    }

    @Test
    void namesListsTheMembersOfEveryNode() throws Exception {
        IrcTestClient n1 = CLUSTER.user(1, "nami1");
        IrcTestClient n2 = CLUSTER.user(2, "nami2");
        IrcTestClient n3 = CLUSTER.user(3, "nami3");
        meet("#names", member("nami1", n1), member("nami2", n2), member("nami3", n3));
        for (IrcTestClient c : List.of(n1, n2, n3)) {
            await().atMost(HOP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                c.clear();
                c.send("NAMES #names");
                String names = awaitLine(c, l -> l.contains(" 353 ") && l.contains(" #names :"));
                assertThat(IrcMessage.parse(names).last().split(" ")).containsExactlyInAnyOrder("@nami1", "nami2", "nami3");
            });
        }
        n2.send("WHOIS nami3");
        awaitLine(n2, l -> l.contains(" 311 nami2 nami3 "));
        awaitLine(n2, l -> l.contains(" 319 nami2 nami3 ") && l.contains("#names"));
    }

    @Test
    void topicAndModeChangesAreSeenAndEnforcedOnEveryNode() throws Exception {
        IrcTestClient op = CLUSTER.user(1, "opal");
        IrcTestClient vi = CLUSTER.user(2, "vick");
        IrcTestClient pl = CLUSTER.user(3, "plain");
        meet("#state", member("opal", op), member("vick", vi), member("plain", pl));

        op.send("TOPIC #state :set on n1");
        for (IrcTestClient c : List.of(vi, pl)) {
            awaitLine(c, from("opal", " TOPIC #state :set on n1"));
        }
        op.send("MODE #state +o vick");
        for (IrcTestClient c : List.of(vi, pl)) {
            awaitLine(c, mode("opal", "#state", "+o", "vick"));
        }
        vi.send("TOPIC #state :set on n2 by a new op");
        for (IrcTestClient c : List.of(op, pl)) {
            awaitLine(c, from("vick", " TOPIC #state :set on n2 by a new op"));
        }
        pl.send("TOPIC #state");
        awaitLine(pl, l -> l.contains(" 332 plain #state :set on n2 by a new op"));

        op.send("MODE #state +m");
        awaitLine(pl, mode("opal", "#state", "+m"));
        awaitLine(vi, mode("opal", "#state", "+m"));
        pl.send("PRIVMSG #state :may I?");
        awaitLine(pl, l -> l.contains(" 404 plain #state "));
        vi.send("PRIVMSG #state :ops may");
        awaitLine(pl, from("vick", " PRIVMSG #state :ops may"));
        assertThat(op.lines()).as("the moderated message reached nobody").noneMatch(l -> l.contains("may I?"));

        op.send("MODE #state +b plain!*@*");
        awaitLine(pl, mode("opal", "#state", "+b", "plain!*@*"));
        op.send("KICK #state plain :out");
        awaitLine(pl, from("opal", " KICK #state plain :out"));
        awaitLine(vi, from("opal", " KICK #state plain :out"));
        pl.send("JOIN #state");
        awaitLine(pl, l -> l.contains(" 474 plain #state "));
    }

    @Test
    void historyWrittenOnOneNodeIsReadOnAnother() throws Exception {
        IrcTestClient writer = CLUSTER.user(1, "scribe");
        join(writer, "scribe", "#hist");
        for (int i = 0; i < 3; i++) {
            writer.send("PRIVMSG #hist :line " + i);
        }
        writer.sync();
        IrcTestClient reader = DaemonUsers.withCaps(CLUSTER, 2, "reader", "batch server-time message-tags draft/chathistory");
        join(reader, "reader", "#hist");
        await().atMost(HOP).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<IrcMessage> got = DaemonUsers.batch(reader, "CHATHISTORY LATEST #hist * 10");
            assertThat(got.stream().filter(m -> m.command().equals("PRIVMSG")).map(IrcMessage::last))
                    .containsExactly("line 0", "line 1", "line 2");
            assertThat(got.stream().filter(m -> m.command().equals("PRIVMSG")).map(IrcMessage::sourceNick))
                    .containsOnly("scribe");
        });
    }

    @Test
    void theAdminListOfOneNodeShowsTheUsersOfEveryNodeWithTheirNode() throws Exception {
        CLUSTER.user(2, "adm2");
        CLUSTER.user(3, "adm3");
        AdminTestClient admin = CLUSTER.admin(1);
        await().atMost(HOP).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            AdminTestClient.Reply list = admin.call("list");
            assertThat(list.ok()).as(list.text()).isTrue();
            assertThat(list.body()).as(list.text())
                    .anyMatch(l -> l.startsWith("nick=adm2 ") && l.contains("=n2"))
                    .anyMatch(l -> l.startsWith("nick=adm3 ") && l.contains("=n3"));
        });
    }
}
