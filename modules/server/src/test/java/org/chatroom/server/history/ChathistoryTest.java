package org.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chatroom.server.history.HistoryQueries.batch;
import static org.chatroom.server.history.HistoryQueries.texts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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

/** CHATHISTORY against a real daemon and its SQLite file: every subcommand and selector, paging, errors, a restart. */
@Timeout(120)
class ChathistoryTest {
    private static final String CAPS = "batch server-time message-tags draft/chathistory";

    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.plain().with(Map.of("flood.rate", "0"));

    /** alice says "line 0" .. "line n-1" in #lobby; returns once all are stored. */
    private void talk(int n) throws Exception {
        IrcTestClient alice = fx.user("alice");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < n; i++) {
            all.append("PRIVMSG #lobby :line ").append(i).append("\r\n");
        }
        alice.sendRaw(all.toString().getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> fx.server().context().store().historyStats("#lobby")
                .get(5, TimeUnit.SECONDS).rows() >= n);
    }

    private static List<String> numbered(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "line " + i).toList();
    }

    @Test
    void aThousandLinesPageBackAndForthWithoutGapOrRepeatAndSurviveARestart() throws Exception {
        fx.start();
        talk(1000);
        IrcTestClient bob = HistoryFixture.connect(fx, "bob", CAPS, null);
        List<IrcMessage> back = new ArrayList<>(batch(bob, "CHATHISTORY LATEST #lobby * 100"));
        assertThat(texts(back)).isEqualTo(numbered(900, 1000));
        assertThat(back.get(0).tags()).containsKeys("time", "msgid");
        while (true) {
            List<IrcMessage> page = batch(bob, "CHATHISTORY BEFORE #lobby msgid=" + back.get(0).tags().get("msgid") + " 100");
            if (page.isEmpty()) {
                break;
            }
            back.addAll(0, page);
        }
        assertThat(texts(back)).isEqualTo(numbered(0, 1000));
        List<IrcMessage> forth = new ArrayList<>(batch(bob, "CHATHISTORY AFTER #lobby timestamp=2000-01-01T00:00:00.000Z 100"));
        while (true) {
            String last = forth.get(forth.size() - 1).tags().get("time");
            List<IrcMessage> page = batch(bob, "CHATHISTORY AFTER #lobby timestamp=" + last + " 100");
            if (page.isEmpty()) {
                break;
            }
            forth.addAll(page);
        }
        assertThat(texts(forth)).isEqualTo(numbered(0, 1000));
        assertThat(forth.stream().map(m -> m.tags().get("msgid")).toList())
                .isEqualTo(back.stream().map(m -> m.tags().get("msgid")).toList());

        fx.start(); // a restart on the same data.dir
        IrcTestClient again = HistoryFixture.connect(fx, "carol", CAPS, null);
        List<IrcMessage> after = batch(again, "CHATHISTORY LATEST #lobby * 3");
        assertThat(texts(after)).isEqualTo(numbered(997, 1000));
        assertThat(after.get(2).tags().get("msgid")).isEqualTo(back.get(999).tags().get("msgid"));
        assertThat(after.get(2).tags().get("time")).isEqualTo(back.get(999).tags().get("time"));
        assertThat(after.get(2).source()).startsWith("alice!");
    }

    @Test
    void eachSubcommandAndSelector() throws Exception {
        fx.start();
        talk(20);
        IrcTestClient bob = HistoryFixture.connect(fx, "bob", CAPS, null);
        assertThat(bob.received("CHATHISTORY=100")).isTrue();
        assertThat(bob.received("MSGREFTYPES=timestamp,msgid")).isTrue();
        List<IrcMessage> all = batch(bob, "CHATHISTORY LATEST #lobby * 100");
        assertThat(texts(all)).isEqualTo(numbered(0, 20));
        String id5 = all.get(5).tags().get("msgid");
        String time10 = all.get(10).tags().get("time");
        String id15 = all.get(15).tags().get("msgid");
        assertThat(texts(batch(bob, "CHATHISTORY LATEST #lobby msgid=" + id15 + " 100"))).isEqualTo(numbered(16, 20));
        assertThat(texts(batch(bob, "CHATHISTORY LATEST #lobby timestamp=" + time10 + " 2"))).isEqualTo(numbered(18, 20));
        assertThat(texts(batch(bob, "CHATHISTORY BEFORE #lobby timestamp=" + time10 + " 3"))).isEqualTo(numbered(7, 10));
        assertThat(texts(batch(bob, "CHATHISTORY AFTER #lobby msgid=" + id5 + " 3"))).isEqualTo(numbered(6, 9));
        assertThat(texts(batch(bob, "CHATHISTORY AROUND #lobby msgid=" + id5 + " 4"))).isEqualTo(numbered(3, 7));
        assertThat(texts(batch(bob, "CHATHISTORY BETWEEN #lobby msgid=" + id5 + " msgid=" + id15 + " 3")))
                .isEqualTo(numbered(6, 9));
        assertThat(texts(batch(bob, "CHATHISTORY BETWEEN #lobby msgid=" + id15 + " timestamp=" + time10 + " 3")))
                .isEqualTo(numbered(12, 15));
        assertThat(batch(bob, "CHATHISTORY BEFORE #lobby msgid=nosuchid 10")).as("unknown msgid: empty batch").isEmpty();
        assertThat(batch(bob, "CHATHISTORY LATEST #nowhere * 10")).isEmpty();
        assertThat(texts(batch(bob, "CHATHISTORY LATEST #lobby * 1000"))).as("capped at 100").hasSize(20);

        List<IrcMessage> targets = batch(bob, "CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z"
                + " timestamp=2100-01-01T00:00:00.000Z 10");
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).params()).startsWith("TARGETS", "#lobby");
        java.time.Instant latest = java.time.Instant.parse(targets.get(0).param(2).substring("timestamp=".length()));
        assertThat(latest).as("the latest line (bob's own JOIN counts)")
                .isAfterOrEqualTo(java.time.Instant.parse(all.get(19).tags().get("time")));
        String targetsStart = bob.lines().stream().filter(l -> l.contains(" BATCH +")).findFirst().orElseThrow();
        assertThat(targetsStart).endsWith(" draft/chathistory-targets");
    }

    @Test
    void badRequestsAreToldWhatIsAllowed() throws Exception {
        fx.start();
        IrcTestClient bob = HistoryFixture.connect(fx, "bob", CAPS, null);
        bob.send("CHATHISTORY LATEST #lobby * zero");
        assertThat(bob.awaitContains("FAIL CHATHISTORY INVALID_PARAMS LATEST zero :The limit must be a whole number"));
        bob.send("CHATHISTORY BEFORE #lobby yesterday 10");
        assertThat(bob.awaitContains("FAIL CHATHISTORY INVALID_PARAMS BEFORE #lobby yesterday :A message reference is"));
        bob.send("CHATHISTORY BEFORE #lobby timestamp=2020-13-01T00:00:00.000Z 10");
        bob.awaitContains("FAIL CHATHISTORY INVALID_PARAMS BEFORE #lobby timestamp=2020-13-01");
        bob.send("CHATHISTORY SOMETIME #lobby * 10");
        bob.awaitContains("FAIL CHATHISTORY INVALID_PARAMS SOMETIME :Unknown subcommand SOMETIME");
        bob.send("CHATHISTORY LATEST #lobby");
        bob.awaitContains("FAIL CHATHISTORY NEED_MORE_PARAMS LATEST :Missing parameters");
        bob.send("CHATHISTORY");
        bob.awaitContains("FAIL CHATHISTORY NEED_MORE_PARAMS * :Missing parameters");
        bob.send("CHATHISTORY LATEST alice * 10");
        bob.awaitContains("FAIL CHATHISTORY INVALID_TARGET LATEST alice :Private history is kept between accounts");
        bob.send("CHATHISTORY TARGETS msgid=x timestamp=2100-01-01T00:00:00.000Z 10");
        bob.awaitContains("FAIL CHATHISTORY INVALID_PARAMS TARGETS :TARGETS takes timestamps only");
    }

    @Test
    void onlyThoseWhoMayJoinARoomReadItsHistory() throws Exception {
        fx.start();
        IrcTestClient alice = fx.user("alice");
        alice.send("JOIN #secret");
        alice.awaitContains(" 366 alice #secret ");
        alice.send("MODE #secret +i");
        alice.send("PRIVMSG #secret :for members");
        alice.send("PRIVMSG #lobby :for all");
        alice.sync();
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.server().context().store().historyStats("#secret")
                .get(5, TimeUnit.SECONDS).rows() >= 1);
        IrcTestClient carol = HistoryFixture.connect(fx, "carol", CAPS, null);
        assertThat(batch(carol, "CHATHISTORY LATEST #secret * 10")).as("+i, not invited").isEmpty();
        assertThat(texts(batch(carol, "CHATHISTORY LATEST #lobby * 10"))).contains("for all");
        alice.send("INVITE carol #secret");
        carol.awaitContains(" INVITE carol ");
        assertThat(texts(batch(carol, "CHATHISTORY LATEST #secret * 10"))).containsExactly("for members");
    }
}
