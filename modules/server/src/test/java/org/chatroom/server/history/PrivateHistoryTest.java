package org.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatroom.server.history.HistoryQueries.batch;
import static org.chatroom.server.history.HistoryQueries.texts;

import java.util.List;
import java.util.Map;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Private messages between accounts: kept for both sides only, and one to an offline account waits for its login. */
@Timeout(90)
class PrivateHistoryTest {
    private static final String CAPS = "batch server-time message-tags draft/chathistory";

    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.plain().with(Map.of("flood.rate", "0"));

    @BeforeEach
    void accounts() throws Exception {
        fx.start();
        HistoryFixture.account(fx, "alice", "pw-a");
        HistoryFixture.account(fx, "bob", "pw-b");
        HistoryFixture.account(fx, "carol", "pw-c");
    }

    @Test
    void aMessageToAnOfflineAccountIsAcceptedAndPlayedAtItsNextLoginOnce() throws Exception {
        IrcTestClient alice = HistoryFixture.connect(fx, "alice", "echo-message", "pw-a");
        alice.send("PRIVMSG bob :are you there?");
        alice.awaitContains(" PRIVMSG bob :are you there?"); // the echo: accepted
        alice.send("PRIVMSG nobody :hello");
        alice.awaitContains(" 401 alice nobody ");
        assertThat(alice.lines()).noneMatch(l -> l.contains(" 401 alice bob "));

        IrcTestClient bob = HistoryFixture.connect(fx, "bob", "batch server-time", "pw-b");
        String start;
        try {
            start = bob.awaitLine(l -> l.contains(" BATCH +") && l.endsWith(" chathistory bob"));
        } catch (RuntimeException e) {
            throw new AssertionError("no replay; bob saw " + bob.lines(), e);
        }
        String id = IrcMessage.parse(start).param(0).substring(1);
        bob.awaitLine(l -> l.endsWith(" BATCH -" + id));
        List<IrcMessage> played = bob.lines().stream().map(IrcMessage::parse)
                .filter(m -> id.equals(m.tags().get("batch"))).toList();
        assertThat(played).hasSize(1);
        assertThat(played.get(0).toLine()).endsWith(":alice!~alice@127.0.0.1 PRIVMSG bob :are you there?");
        assertThat(played.get(0).tags()).containsKey("time");
        bob.close();

        IrcTestClient again = HistoryFixture.connect(fx, "bob", "batch server-time", "pw-b");
        again.sync();
        assertThat(again.received("are you there?")).as("played once").isFalse();
        List<IrcMessage> targets = batch(again, "CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z"
                + " timestamp=2100-01-01T00:00:00.000Z 10");
        assertThat(targets).extracting(m -> m.param(1)).contains("alice");
    }

    @Test
    void privateHistoryIsForItsTwoPartiesOnly() throws Exception {
        IrcTestClient alice = HistoryFixture.connect(fx, "alice", CAPS, "pw-a");
        IrcTestClient bob = HistoryFixture.connect(fx, "bob", CAPS, "pw-b");
        alice.send("PRIVMSG bob :hi bob");
        bob.awaitContains("PRIVMSG bob :hi bob");
        bob.send("PRIVMSG alice :hi alice");
        alice.awaitContains("PRIVMSG alice :hi alice");
        IrcTestClient guest = HistoryFixture.connect(fx, "guest", CAPS, null);
        guest.send("PRIVMSG alice :from a guest");
        alice.awaitContains("from a guest");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> texts(batch(bob, "CHATHISTORY LATEST alice * 10")).size() == 2);
        assertThat(texts(batch(bob, "CHATHISTORY LATEST alice * 10"))).containsExactly("hi bob", "hi alice");
        assertThat(texts(batch(alice, "CHATHISTORY LATEST bob * 10"))).containsExactly("hi bob", "hi alice");
        assertThat(texts(batch(alice, "CHATHISTORY LATEST guest * 10"))).as("a guest has no account: not kept").isEmpty();
        IrcTestClient carol = HistoryFixture.connect(fx, "carol", CAPS, "pw-c");
        assertThat(batch(carol, "CHATHISTORY LATEST bob * 10")).as("carol's own talk with bob: none").isEmpty();
        assertThat(batch(carol, "CHATHISTORY LATEST alice * 10")).isEmpty();
    }
}
