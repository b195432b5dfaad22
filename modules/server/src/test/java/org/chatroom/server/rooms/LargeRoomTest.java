package org.chatroom.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatroom.server.support.IrcTestClient.from;

import java.util.List;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * room.large.members: past it, newcomers join quietly (operators and themselves see the JOIN), are
 * announced to everyone when they first speak or get a standing, and leave quietly if they never did.
 * Here "large" is more than 2 members, in a room made by {@code op} (so it has an operator).
 */
@Timeout(30)
class LargeRoomTest {
    private ChatServer server;
    private int marks;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("room.large.members", "2", "room.default", ""));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private IrcTestClient joined(String nick) throws Exception {
        IrcTestClient c = new IrcTestClient(server.port());
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
        c.awaitContains(" 001 " + nick + " ");
        c.send("JOIN #big");
        c.awaitContains(" 366 " + nick + " #big ");
        return c;
    }

    /** {@code op} speaks; once {@code other} has that line, it has everything queued to it before. */
    private void flush(IrcTestClient op, IrcTestClient other) throws Exception {
        String mark = "mark-" + (++marks);
        op.send("PRIVMSG #big :" + mark);
        other.awaitContains("PRIVMSG #big :" + mark);
    }

    /** The 353 lines of a NAMES #big sent now (earlier lines are kept). */
    private static List<String> names(IrcTestClient c, String nick) throws Exception {
        int before = c.lines().size();
        String end = " 366 " + nick + " #big :";
        c.send("NAMES #big");
        c.awaitLine(l -> l.contains(end) && c.lines().size() > before
                && c.lines().subList(before, c.lines().size()).stream().anyMatch(x -> x.contains(end)));
        List<String> all = c.lines();
        return all.subList(before, all.size()).stream().filter(l -> l.contains(" 353 ")).toList();
    }

    @Test
    void aNewcomerInALargeRoomIsSeenByOperatorsUntilItSpeaks() throws Exception {
        try (IrcTestClient op = joined("op"); IrcTestClient early = joined("early"); IrcTestClient late = joined("late")) {
            op.awaitLine(from("late", " JOIN #big")); // the third member: quiet, but operators see it
            flush(op, early);
            assertThat(early.received("late!")).as("early never heard of late").isFalse();

            assertThat(String.join("\n", names(late, "late"))).contains("@op", "early", "late");
            assertThat(String.join("\n", names(early, "early"))).contains("@op", "early").doesNotContain("late");
            assertThat(String.join("\n", names(op, "op"))).contains("late");
            early.send("WHO #big");
            early.awaitContains(" 315 early #big ");
            assertThat(early.lines()).noneMatch(l -> l.contains(" 352 ") && l.contains(" late "))
                    .anyMatch(l -> l.contains(" 352 ") && l.contains(" early "));

            late.send("PRIVMSG #big :hello all");
            String said = early.awaitContains("PRIVMSG #big :hello all");
            int join = early.indexOf(from("late", " JOIN #big"));
            assertThat(join).as("the JOIN comes first").isGreaterThanOrEqualTo(0).isLessThan(early.lines().indexOf(said));
            op.awaitContains("PRIVMSG #big :hello all");
            assertThat(op.lines().stream().filter(from("late", " JOIN #big")).count())
                    .as("operators saw the JOIN once").isEqualTo(1);
            assertThat(String.join("\n", names(early, "early"))).contains("late");
        }
    }

    @Test
    void aQuietMembersPartQuitAndNickGoToOperatorsOnly() throws Exception {
        try (IrcTestClient op = joined("op"); IrcTestClient early = joined("early");
             IrcTestClient parting = joined("parting"); IrcTestClient renamed = joined("renamed")) {
            IrcTestClient leaving = joined("leaving");
            parting.send("PART #big :bye");
            op.awaitLine(from("parting", " PART #big :bye"));
            renamed.send("NICK renamed2");
            op.awaitLine(from("renamed", " NICK "));
            leaving.send("QUIT :gone");
            op.awaitLine(from("leaving", " QUIT :Quit: gone"));
            leaving.close();
            flush(op, early);
            assertThat(early.lines()).noneMatch(l -> l.contains("parting!") || l.contains("renamed!") || l.contains("leaving!"));
        }
    }

    @Test
    void aStandingAnnouncesTheQuietMemberBeforeTheMode() throws Exception {
        try (IrcTestClient op = joined("op"); IrcTestClient early = joined("early"); IrcTestClient voiced = joined("voiced")) {
            op.awaitLine(from("voiced", " JOIN #big"));
            op.send("MODE #big +v voiced");
            String mode = early.awaitLine(l -> l.contains(" MODE #big +v") && l.endsWith("voiced"));
            int join = early.indexOf(from("voiced", " JOIN #big"));
            assertThat(join).isGreaterThanOrEqualTo(0).isLessThan(early.lines().indexOf(mode));
        }
    }

    @Test
    void withTheLimitOffEveryJoinIsAnnounced() throws Exception {
        server.close();
        server = TestServer.start(Map.of("room.large.members", "0", "room.default", ""));
        try (IrcTestClient op = joined("op"); IrcTestClient early = joined("early"); IrcTestClient late = joined("late")) {
            early.awaitLine(from("late", " JOIN #big"));
            late.send("PART #big");
            early.awaitLine(from("late", " PART #big"));
        }
    }

}
