package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chatroom.server.support.IrcTestClient.from;

import java.time.Duration;
import java.util.List;
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
 * Quiet joins in a large room shared by two real daemons (one Redis, one PostgreSQL): "large" is more
 * than 3 members on all nodes together, and a quiet member of one node is quiet on the other too.
 * #big is made by {@code op} on node a, so it has an operator there; no default room, so #big is the
 * only room anyone shares.
 */
@Timeout(120)
class ClusterQuietJoinsTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();
    private static final Map<String, String> SMALL = Map.of("room.large.members", "3", "room.default", "");

    private ClusterNodes nodes;
    private ChatServer a;
    private ChatServer b;
    private int marks;
    private IrcTestClient op;
    private IrcTestClient alice;
    private IrcTestClient bob;

    @BeforeEach
    void twoNodes() throws Exception {
        nodes = new ClusterNodes(PG);
        a = nodes.start("node-a", SMALL);
        b = nodes.start("node-b", SMALL);
    }

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    @Test
    void aNewcomerIsQuietOnEveryNodeUntilItSpeaks() throws Exception {
        threeLoudMembers();
        IrcTestClient late = joined(b, "late"); // the fourth: quiet, though node b has two members only
        op.awaitLine(from("late", " JOIN #big")); // an operator on the other node sees it
        flush(alice, bob);
        assertThat(alice.received("late!")).as("alice (node a) never heard of late").isFalse();
        assertThat(bob.received("late!")).as("bob (node b) never heard of late").isFalse();

        assertThat(names(alice, "alice")).contains("@op", "alice", "bob").doesNotContain("late");
        assertThat(names(bob, "bob")).contains("@op", "alice", "bob").doesNotContain("late");
        assertThat(names(op, "op")).contains("late");
        assertThat(names(late, "late")).contains("@op", "late");
        alice.send("WHO #big");
        alice.awaitContains(" 315 alice #big ");
        assertThat(alice.lines()).noneMatch(l -> l.contains(" 352 ") && l.contains(" late "))
                .anyMatch(l -> l.contains(" 352 ") && l.contains(" bob "));

        late.send("PRIVMSG #big :hello all");
        for (IrcTestClient c : List.of(alice, bob)) {
            joinedBefore(c, "late", c.awaitContains("PRIVMSG #big :hello all"));
        }
        op.awaitContains("PRIVMSG #big :hello all");
        assertThat(op.lines().stream().filter(from("late", " JOIN #big")).count()).as("operators saw the JOIN once")
                .isEqualTo(1);
        assertThat(names(alice, "alice")).contains("late");
    }

    @Test
    void aQuietMembersPartNickQuitAndKickGoToOperatorsOnly() throws Exception {
        threeLoudMembers();
        IrcTestClient parting = joined(b, "parting");
        IrcTestClient renamed = joined(b, "renamed");
        IrcTestClient leaving = joined(b, "leaving");
        IrcTestClient kicked = joined(b, "kicked");
        op.awaitLine(from("kicked", " JOIN #big"));

        parting.send("PART #big :bye");
        op.awaitLine(from("parting", " PART #big :bye"));
        renamed.send("NICK renamed2");
        op.awaitLine(from("renamed", " NICK "));
        leaving.send("QUIT :gone");
        op.awaitLine(from("leaving", " QUIT "));
        op.send("KICK #big kicked :out");
        kicked.awaitContains(" KICK #big kicked :out");
        flush(alice, bob);
        for (IrcTestClient c : List.of(alice, bob)) {
            assertThat(c.lines()).noneMatch(l -> l.contains("parting!") || l.contains("renamed!")
                    || l.contains("leaving!") || l.contains("kicked!") || l.contains(" KICK #big kicked"));
        }
        assertThat(names(op, "op")).contains("renamed2").doesNotContain("parting", "leaving", "kicked");
    }

    @Test
    void aStandingGivenOnOneNodeAnnouncesTheQuietMemberFirstOnBoth() throws Exception {
        threeLoudMembers();
        joined(b, "voiced");
        op.awaitLine(from("voiced", " JOIN #big"));
        op.send("MODE #big +v voiced");
        for (IrcTestClient c : List.of(alice, bob)) { // alice: voiced is a ghost of hers; bob: of his node
            joinedBefore(c, "voiced", c.awaitLine(l -> l.contains(" MODE #big +v") && l.endsWith("voiced")));
        }
        assertThat(names(bob, "bob")).contains("+voiced");
    }

    @Test
    void aNodeThatStartsListeningLaterKeepsQuietMembersQuiet() throws Exception {
        op = joined(a, "op");
        joined(a, "alice");
        joined(a, "ann");
        IrcTestClient late = joined(a, "late"); // quiet: only node a has members yet
        op.awaitLine(from("late", " JOIN #big"));
        IrcTestClient carol = joined(b, "carol"); // node b reads the members from Redis; carol is quiet too
        op.awaitLine(from("carol", " JOIN #big"));
        assertThat(names(carol, "carol")).contains("@op", "alice", "ann", "carol").doesNotContain("late");

        late.send("PRIVMSG #big :now I speak");
        joinedBefore(carol, "late", carol.awaitContains("PRIVMSG #big :now I speak"));

        ChatServer c = nodes.start("node-c", SMALL); // reads the entries as they are now: late spoke, carol did not
        IrcTestClient dave = joined(c, "dave");
        assertThat(names(dave, "dave")).contains("@op", "late", "dave").doesNotContain("carol");
    }

    @Test
    void aMemberWhoJoinedQuietlyWhileRedisWasAwayIsShownToOperatorsOnlyAfterwards() throws Exception {
        threeLoudMembers();
        nodes.redis().stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.cluster().describe().contains("redis down")
                && b.cluster().describe().contains("redis down"));
        IrcTestClient late = joined(b, "late"); // quiet: node b still counts op and alice
        assertThat(names(late, "late")).contains("@op", "alice", "bob", "late");

        nodes.redis().start(); // empty: node b writes late's entry again, quiet mark and all
        await().atMost(Duration.ofSeconds(40)).until(() -> a.cluster().describe().startsWith("cluster: ok")
                && b.cluster().describe().startsWith("cluster: ok"));
        op.awaitLine(from("late", " JOIN #big")); // node a read it from Redis, and told its operators
        flush(alice, bob);
        assertThat(alice.received("late!")).as("alice never heard of late").isFalse();
        assertThat(names(alice, "alice")).contains("@op", "bob").doesNotContain("late");
        assertThat(names(op, "op")).contains("late");
    }

    /** #big with {@code @op} and {@code alice} on node a and {@code bob} on node b: three, not large yet. */
    private void threeLoudMembers() throws Exception {
        op = joined(a, "op");
        alice = joined(a, "alice");
        bob = joined(b, "bob");
        alice.awaitLine(from("bob", " JOIN #big"));
    }

    /** A user registered on {@code node} and in #big. */
    private IrcTestClient joined(ChatServer node, String nick) throws Exception {
        IrcTestClient c = nodes.connect(node);
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
        c.awaitContains(" 001 " + nick + " ");
        c.send("JOIN #big");
        c.awaitContains(" 366 " + nick + " #big ");
        return c;
    }

    /** {@code c} was told {@code nick}'s JOIN of #big, and before {@code line}. */
    private static void joinedBefore(IrcTestClient c, String nick, String line) {
        assertThat(c.indexOf(from(nick, " JOIN #big"))).as(nick + "'s JOIN, before: " + line)
                .isGreaterThanOrEqualTo(0).isLessThan(c.lines().indexOf(line));
    }

    /** {@code op} speaks; once each of {@code others} has that line, it has everything sent to it before. */
    private void flush(IrcTestClient... others) throws Exception {
        String mark = "mark-" + (++marks);
        op.send("PRIVMSG #big :" + mark);
        for (IrcTestClient other : others) {
            other.awaitContains("PRIVMSG #big :" + mark);
        }
    }

    /** The nicks of a NAMES #big sent now, space-separated with their prefixes ({@code @op bob}). */
    private static String names(IrcTestClient c, String nick) throws Exception {
        int before = c.lines().size();
        String end = " 366 " + nick + " #big :";
        c.send("NAMES #big");
        c.awaitLine(l -> l.contains(end)
                && c.lines().subList(before, c.lines().size()).stream().anyMatch(x -> x.contains(end)));
        List<String> all = List.copyOf(c.lines());
        StringBuilder out = new StringBuilder();
        for (String l : all.subList(before, all.size())) {
            if (l.contains(" 353 ")) {
                out.append(' ').append(l.substring(l.indexOf(" :", l.indexOf(" 353 ")) + 2));
            }
        }
        return out.append(' ').toString();
    }

}
