package org.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.store.ChatStore;
import org.chatroom.server.store.HistoryRow;
import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ChatServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retention job (age and per-room line cap) and chat-admin history stats|purge, on a real daemon and file. */
@Timeout(90)
class RetentionAndAdminTest {
    private static final long DAY = 86_400_000L;

    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket()
            .with(Map.of("history.retention", "30d", "history.room.max.lines", "5"));

    private ChatStore store() {
        return fx.server().context().store();
    }

    /** {@code n} lines in {@code room}, the first {@code daysAgo} days old, one ms apart. */
    private void lines(String room, int n, long daysAgo) throws Exception {
        long t0 = System.currentTimeMillis() - daysAgo * DAY;
        for (int i = 0; i < n; i++) {
            store().appendHistory(new HistoryRow(room + "-" + daysAgo + "-" + i, room, t0 + i, "PRIVMSG", "a!a@h", null,
                    null, room + " :x"));
        }
        store().markRead("flush", "#flush", 1).get(10, TimeUnit.SECONDS); // queued after the rows
    }

    private long rows(String room) throws Exception {
        return store().historyStats(room).get(10, TimeUnit.SECONDS).rows();
    }

    @Test
    void theJobDeletesWhatIsPastTheRetentionAndTheLineCap() throws Exception {
        fx.start();
        lines("#old", 3, 40);
        lines("#old", 2, 1);
        lines("#busy", 8, 2);
        assertThat(fx.server().retention().runOnce()).isEqualTo(3 + 3);
        assertThat(rows("#old")).isEqualTo(2);
        assertThat(rows("#busy")).isEqualTo(5);
        assertThat(fx.server().retention().runOnce()).isZero();
    }

    @Test
    void adminShowsAndPurgesARoomsHistory() throws Exception {
        fx.start();
        lines("#help", 4, 10);
        lines("#help", 3, 0);
        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("history stats #help").body()).contains("target=#help", "lines=7").anyMatch(l -> l.startsWith("oldest="));
            assertThat(a.call("history purge #help before 5d").body()).containsExactly("4 line(s) of #help deleted");
            assertThat(rows("#help")).isEqualTo(3);
            assertThat(a.call("history purge #help before someday").status()).contains("not a time");
            assertThat(a.call("history purge help").status()).contains("not a room name");
            assertThat(a.call("history purge #help").body()).containsExactly("3 line(s) of #help deleted");
            assertThat(a.call("history stats").body()).contains("target=*");
        }
    }
}
