package org.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chatroom.server.history.HistoryQueries.batch;
import static org.chatroom.server.history.HistoryQueries.texts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replay on JOIN for clients without draft/chathistory, and events kept for draft/event-playback. */
@Timeout(90)
class ReplayAndEventsTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.plain().with(Map.of("flood.rate", "0"));

    private void talk(IrcTestClient who, int n) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < n; i++) {
            all.append("PRIVMSG #lobby :line ").append(i).append("\r\n");
        }
        who.sendRaw(all.toString().getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.server().context().store().latest("#lobby", null, 1, false)
                .get(5, TimeUnit.SECONDS).stream().anyMatch(r -> r.args().endsWith(":line " + (n - 1))));
    }

    private static List<String> numbered(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "line " + i).toList();
    }

    @Test
    void aJoinerWithoutChathistoryIsPlayedTheLastLinesWithTheirTime() throws Exception {
        fx.start();
        IrcTestClient alice = fx.user("alice");
        talk(alice, 30);
        IrcTestClient bob = HistoryFixture.connect(fx, "bob", "batch server-time", null);
        String start = bob.awaitLine(l -> l.contains(" BATCH +") && l.endsWith(" chathistory #lobby"));
        String id = IrcMessage.parse(start).param(0).substring(1);
        bob.awaitLine(l -> l.endsWith(" BATCH -" + id));
        List<IrcMessage> played = bob.lines().stream().map(IrcMessage::parse)
                .filter(m -> id.equals(m.tags().get("batch"))).toList();
        assertThat(texts(played)).isEqualTo(numbered(5, 30));
        assertThat(played).allMatch(m -> m.tags().containsKey("time") && m.command().equals("PRIVMSG"));
        assertThat(bob.lines().indexOf(start)).as("after the JOIN and NAMES")
                .isGreaterThan(bob.lines().stream().filter(l -> l.contains(" 366 bob #lobby ")).findFirst()
                        .map(bob.lines()::indexOf).orElseThrow());

        IrcTestClient carol = fx.user("carol"); // no caps at all: the plain lines
        carol.sync();
        assertThat(carol.lines()).filteredOn(l -> l.contains(" PRIVMSG #lobby :line "))
                .hasSize(25).allMatch(l -> l.startsWith(":alice!"));

        IrcTestClient dave = HistoryFixture.connect(fx, "dave", "batch server-time draft/chathistory", null);
        dave.sync();
        assertThat(dave.received(":line 29")).as("asks for itself").isFalse();
    }

    @Test
    void eventsAreKeptAndPlayedOnlyWithEventPlayback() throws Exception {
        fx.start();
        IrcTestClient alice = fx.user("alice");
        IrcTestClient bob = fx.user("bob");
        alice.send("PRIVMSG #lobby :before");
        alice.send("MODE #lobby +o bob"); // alice is not op of #lobby (the default room): refused, not kept
        alice.send("JOIN #ev");
        alice.awaitContains(" 366 alice #ev ");
        bob.send("JOIN #ev");
        bob.awaitContains(" 366 bob #ev ");
        alice.send("MODE #ev +v bob");
        alice.send("TOPIC #ev :new topic");
        alice.send("NICK alicia");
        alice.awaitLine(l -> l.contains(" NICK ") && l.contains("alicia"));
        alice.send("KICK #ev bob :out");
        bob.awaitLine(l -> l.contains(" KICK #ev bob"));
        bob.send("JOIN #ev");
        bob.awaitContains(" 366 bob #ev ");
        bob.send("PART #ev :bye");
        bob.awaitLine(l -> l.contains(" PART #ev"));
        alice.send("QUIT :done");
        alice.awaitClosed();
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.server().context().store().latest("#ev", null, 100, true)
                .get(5, TimeUnit.SECONDS).stream().anyMatch(r -> r.command().equals("QUIT")));

        IrcTestClient plain = HistoryFixture.connect(fx, "frank", "batch server-time message-tags draft/chathistory", null);
        assertThat(batch(plain, "CHATHISTORY LATEST #ev * 100")).as("no events without event-playback").isEmpty();
        IrcTestClient ev = HistoryFixture.connect(fx, "gina",
                "batch server-time message-tags draft/chathistory draft/event-playback", null);
        List<String> evLines = batch(ev, "CHATHISTORY LATEST #ev * 100").stream()
                .map(m -> m.command() + " " + String.join(" ", m.params())).toList();
        assertThat(evLines).containsExactly("JOIN #ev", "JOIN #ev", "MODE #ev +v bob", "TOPIC #ev new topic", "NICK alicia",
                "KICK #ev bob out", "JOIN #ev", "PART #ev bye", "QUIT Quit: done");
        List<IrcMessage> lobby = batch(ev, "CHATHISTORY LATEST #lobby * 100");
        assertThat(lobby).extracting(IrcMessage::command).contains("JOIN", "PRIVMSG", "NICK", "QUIT")
                .doesNotContain("MODE");
        assertThat(lobby.stream().filter(m -> m.command().equals("JOIN")).map(IrcMessage::sourceNick).toList())
                .as("the asker's own JOIN is history too, for CHATHISTORY").contains("alice", "bob", "gina");
        assertThat(texts(batch(plain, "CHATHISTORY LATEST #lobby * 100"))).containsExactly("before");
    }

    @Test
    void replayWithEventPlaybackLeavesTheJoinersOwnJoinOut() throws Exception {
        fx.start();
        IrcTestClient alice = fx.user("alice");
        alice.send("PRIVMSG #lobby :hello");
        alice.sync();
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.server().context().store().historyStats("#lobby")
                .get(5, TimeUnit.SECONDS).rows() >= 2);
        IrcTestClient bob = HistoryFixture.connect(fx, "bob", "batch server-time draft/event-playback", null);
        String start = bob.awaitLine(l -> l.contains(" BATCH +") && l.endsWith(" chathistory #lobby"));
        String id = IrcMessage.parse(start).param(0).substring(1);
        bob.awaitLine(l -> l.endsWith(" BATCH -" + id));
        List<IrcMessage> played = bob.lines().stream().map(IrcMessage::parse)
                .filter(m -> id.equals(m.tags().get("batch"))).toList();
        assertThat(played).extracting(m -> m.command() + " " + m.sourceNick())
                .containsExactly("JOIN alice", "PRIVMSG alice");
    }
}
