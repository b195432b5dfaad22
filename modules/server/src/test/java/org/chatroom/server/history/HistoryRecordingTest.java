package org.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.store.HistoryRow;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the daemon stores of room talk: every PRIVMSG, NOTICE and tagged TAGMSG, each at its own time. */
@Timeout(60)
class HistoryRecordingTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.plain();

    private List<HistoryRow> stored(int atLeast) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> fx.server().context().store()
                .latest("#lobby", null, 1000, true).get(5, TimeUnit.SECONDS), rows -> rows.stream()
                .filter(r -> !r.command().equals("JOIN")).count() >= atLeast)
                .stream().filter(r -> !r.command().equals("JOIN")).toList();
    }

    private static HistoryRow find(List<HistoryRow> rows, String args) {
        return rows.stream().filter(r -> r.args().equals(args)).findFirst().orElseThrow();
    }

    @Test
    void roomLinesAreStoredWithSenderAccountTagsAndStrictlyIncreasingTimes() throws Exception {
        fx.start(java.util.Map.of("flood.rate", "0"));
        HistoryFixture.account(fx, "alice", "pw-alice");
        IrcTestClient alice = HistoryFixture.connect(fx, "alice", "message-tags", "pw-alice");
        IrcTestClient bob = fx.user("bob");
        alice.sync();
        bob.send("CAP REQ :echo-message");
        bob.awaitContains("ACK");
        alice.send("@+reply=x PRIVMSG #lobby :hello there");
        bob.send("NOTICE #lobby :a notice");
        alice.send("@+typing=active TAGMSG #lobby");
        alice.send("@+draft/react=\\:) TAGMSG #lobby");
        for (int i = 0; i < 50; i++) {
            bob.send("PRIVMSG #lobby :burst " + i);
        }
        bob.awaitContains("burst 49");
        List<HistoryRow> rows = stored(53);
        HistoryRow hello = find(rows, "#lobby :hello there");
        assertThat(hello.sender()).isEqualTo("alice!~alice@127.0.0.1");
        assertThat(hello).extracting(HistoryRow::command, HistoryRow::account, HistoryRow::tags)
                .containsExactly("PRIVMSG", "alice", "+reply=x");
        assertThat(find(rows, "#lobby :a notice")).extracting(HistoryRow::command, HistoryRow::account)
                .containsExactly("NOTICE", null);
        assertThat(rows).filteredOn(r -> r.command().equals("TAGMSG")).as("+typing alone is not kept")
                .extracting(HistoryRow::tags).containsExactly("+draft/react=\\:)");
        assertThat(rows).hasSize(53);
        assertThat(rows.stream().mapToLong(HistoryRow::timeMillis).toArray()).isSorted().doesNotHaveDuplicates();
        assertThat(hello.msgid()).isNotBlank();
        assertThat(fx.server().context().stats().historyDroppedTotal()).isZero();
    }

    @Test
    void nothingIsStoredWhenHistoryIsOff() throws Exception {
        fx.start(java.util.Map.of("history.enabled", "false"));
        IrcTestClient bob = fx.user("bob");
        bob.send("PRIVMSG #lobby :not kept");
        bob.sync();
        assertThat(fx.server().context().store().historyStats(null).get(5, TimeUnit.SECONDS).rows()).isZero();
    }
}
