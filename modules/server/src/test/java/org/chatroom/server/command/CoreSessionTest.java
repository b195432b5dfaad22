package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.chatroom.server.auth.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Commands through the core alone: a session per user, fake outbound ports, no sockets. */
@Timeout(30)
class CoreSessionTest {
    private CoreHarness core;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void registrationWelcomesAndJoinsTheDefaultRoomAndTheRoomHearsIt() throws Exception {
        core = new CoreHarness(Map.of(), 2);
        CoreHarness.Peer alice = core.register("alice", 0);
        alice.await(l -> l.contains(" 366 alice #lobby "));
        CoreHarness.Peer bob = core.register("bob", 1);
        alice.await(l -> l.endsWith(" JOIN #lobby") && l.contains(":bob!~bob@127.0.0.1"));
        bob.send("PRIVMSG #lobby :hi all");
        alice.await(l -> l.equals(":bob!~bob@127.0.0.1 PRIVMSG #lobby :hi all"));
        core.drainAll();
        assertThat(bob.count(l -> l.contains("PRIVMSG #lobby :hi all"))).as("no echo without echo-message").isZero();
    }

    @Test
    void aCapClientGetsTheTaggedFormAndAPlainClientThePlainOne() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer tagged = core.connect(0);
        tagged.send("CAP LS 302");
        tagged.send("CAP REQ :server-time message-tags echo-message");
        tagged.send("NICK tagged");
        tagged.send("USER t 0 * :T");
        tagged.send("CAP END");
        tagged.await(l -> l.contains(" 366 tagged #lobby "));
        CoreHarness.Peer plain = core.register("plain", 0);
        tagged.send("@+draft/react=x PRIVMSG #lobby :hello");
        plain.await(l -> l.equals(":tagged!~t@127.0.0.1 PRIVMSG #lobby :hello"));
        tagged.await(l -> l.matches("@time=\\S+;msgid=\\S+;\\+draft/react=x :tagged!~t@127.0.0.1 PRIVMSG #lobby :hello"));
    }

    @Test
    void aWrongServerPasswordIsCheckedOffTheLaneAndLinesAfterItWait() throws Exception {
        core = new CoreHarness(Map.of("server.password", PasswordHash.create("sesame".toCharArray()).toString()), 1);
        CoreHarness.Peer wrong = core.connect(0);
        wrong.send("PASS nope");
        wrong.send("NICK wrong");
        wrong.send("USER w 0 * :W");
        await().atMost(Duration.ofSeconds(5)).until(() -> wrong.out.closed);
        assertThat(wrong.lines()).anyMatch(l -> l.contains(" 464 "));
        assertThat(wrong.lines()).noneMatch(l -> l.contains(" 001 "));

        CoreHarness.Peer right = core.connect(0);
        right.send("PASS sesame");
        right.send("NICK right");
        right.send("USER r 0 * :R");
        right.await(l -> l.contains(" 001 right "));
        assertThat(right.out.paused).as("reading resumed after the check").isFalse();
    }

    @Test
    void aBanMutesAMemberUntilLiftedAndFollowsANickChange() throws Exception {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);
        CoreHarness.Peer op = core.register("op", 0);
        CoreHarness.Peer eve = core.register("eve", 1);
        op.send("JOIN #r");
        op.sync();
        eve.send("JOIN #r");
        op.await(l -> l.startsWith(":eve!") && l.endsWith("JOIN #r"));
        eve.send("PRIVMSG #r :one");
        op.await(l -> l.endsWith("PRIVMSG #r :one"));

        op.send("MODE #r +b troll*!*@*");
        op.sync();
        eve.send("PRIVMSG #r :two");
        eve.send("NICK trollface");
        eve.sync();
        eve.send("PRIVMSG #r :three");
        eve.await(l -> l.contains(" 404 trollface #r "));
        op.send("MODE #r -b troll*!*@*");
        op.sync();
        eve.send("PRIVMSG #r :four");
        op.await(l -> l.endsWith("PRIVMSG #r :four"));
        assertThat(op.lines()).anyMatch(l -> l.endsWith("PRIVMSG #r :two")).noneMatch(l -> l.endsWith("PRIVMSG #r :three"));
    }

    @Test
    void aQuitTellsEveryPeerOnceAndFreesTheNick() throws Exception {
        core = new CoreHarness(Map.of(), 2);
        CoreHarness.Peer alice = core.register("alice", 0);
        CoreHarness.Peer bob = core.register("bob", 1);
        bob.send("JOIN #other");
        bob.sync();
        alice.send("JOIN #other");
        bob.await(l -> l.startsWith(":alice!") && l.endsWith("JOIN #other"));
        alice.send("QUIT :bye");
        bob.await(l -> l.endsWith("QUIT :Quit: bye"));
        core.drainAll();
        assertThat(bob.count(l -> l.contains(" QUIT "))).as("one QUIT though they shared two rooms").isEqualTo(1);
        assertThat(alice.out.closed).isTrue();
        assertThat(core.context.registry().byNick("alice")).isNull();
    }
}
