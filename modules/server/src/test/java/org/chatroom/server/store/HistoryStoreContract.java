package org.chatroom.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history half of the store contract (rows, pages, private talks, markers, purges) and the
 * helpers of both halves. Extend {@link ChatStoreContract}, not this.
 */
@Timeout(60)
public abstract class HistoryStoreContract {
    private static final String ROOM = "#room";

    @TempDir
    protected Path dir;
    private final List<ChatStore> opened = new ArrayList<>();

    /** A store on the database in {@code dir}: the same database each time it is called with the same dir. */
    protected abstract ChatStore open(Path dir, int queueBound);

    protected ChatStore store() {
        return reopen(10_000);
    }

    protected ChatStore reopen(int queueBound) {
        ChatStore s = open(dir, queueBound);
        opened.add(s);
        return s;
    }

    /** Closes {@code s} now (its queued writes committed) and forgets it. */
    protected void closeNow(ChatStore s) {
        s.close();
        opened.remove(s);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(ChatStore::close);
    }

    protected static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    /** Rows have no future: a write queued after them completes once they are committed. */
    private static void flushed(ChatStore s) throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)) // a full queue refuses it at once
                .until(() -> s.markRead("flush", "#flush", 1).handle((v, e) -> e == null).get(10, TimeUnit.SECONDS));
    }

    private static HistoryRow line(String key, int i, long time) {
        return new HistoryRow("m" + key + i, key, time, "PRIVMSG", "alice!a@host", "alice", i % 2 == 0 ? "+x=" + i : null,
                key + " :line " + i);
    }

    private static HistoryRow event(String key, String id, long time) {
        return new HistoryRow(id, key, time, "JOIN", "bob!b@host", null, null, key);
    }

    /** {@code n} lines in {@link #ROOM} at times 1000, 1010, ... */
    private static void fill(ChatStore s, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            assertThat(s.appendHistory(line(ROOM, i, 1000 + 10L * i))).isTrue();
        }
        flushed(s);
    }

    private static List<Integer> numbers(List<HistoryRow> rows) {
        return rows.stream().map(r -> Integer.parseInt(r.args().substring(r.args().lastIndexOf(' ') + 1))).toList();
    }

    @Test
    void aThousandLinesPageBackAndForthWithoutGapOrRepeat() throws Exception {
        ChatStore s = store();
        fill(s, 1000);
        List<HistoryRow> back = new ArrayList<>(get(s.latest(ROOM, null, 100, false)));
        assertThat(numbers(back)).startsWith(900).endsWith(999);
        while (true) { // back, by msgid
            List<HistoryRow> page = get(s.before(ROOM, HistoryRef.msgid(back.get(0).msgid()), 100, false));
            if (page.isEmpty()) {
                break;
            }
            back.addAll(0, page);
        }
        assertThat(numbers(back)).hasSize(1000).isSorted().doesNotHaveDuplicates();
        List<HistoryRow> forth = new ArrayList<>(get(s.after(ROOM, HistoryRef.time(0), 100, false)));
        while (true) { // forth, by timestamp
            List<HistoryRow> page = get(s.after(ROOM, HistoryRef.time(forth.get(forth.size() - 1).timeMillis()), 100,
                    false));
            if (page.isEmpty()) {
                break;
            }
            forth.addAll(page);
        }
        assertThat(forth).isEqualTo(back);
        assertThat(forth.get(0)).isEqualTo(line(ROOM, 0, 1000)).extracting(HistoryRow::tags).isEqualTo("+x=0");
    }

    @Test
    void eachSelectorIsExclusiveAndCountedFromItsSide() throws Exception {
        ChatStore s = store();
        fill(s, 20); // times 1000..1190
        assertThat(numbers(get(s.before(ROOM, HistoryRef.time(1050), 3, false)))).containsExactly(2, 3, 4);
        assertThat(numbers(get(s.after(ROOM, HistoryRef.time(1050), 3, false)))).containsExactly(6, 7, 8);
        assertThat(numbers(get(s.after(ROOM, HistoryRef.msgid("m#room5"), 3, false)))).containsExactly(6, 7, 8);
        assertThat(numbers(get(s.latest(ROOM, HistoryRef.msgid("m#room16"), 10, false)))).containsExactly(17, 18, 19);
        assertThat(numbers(get(s.latest(ROOM, HistoryRef.time(1000), 2, false)))).containsExactly(18, 19);
        assertThat(numbers(get(s.around(ROOM, HistoryRef.msgid("m#room10"), 5, false)))).containsExactly(8, 9, 10, 11, 12);
        assertThat(numbers(get(s.around(ROOM, HistoryRef.time(1105), 4, false)))).containsExactly(9, 10, 11, 12);
        assertThat(numbers(get(s.between(ROOM, HistoryRef.msgid("m#room3"), HistoryRef.time(1090), 3, false))))
                .as("from the older end: the earliest").containsExactly(4, 5, 6);
        assertThat(numbers(get(s.between(ROOM, HistoryRef.time(1090), HistoryRef.msgid("m#room3"), 3, false))))
                .as("from the newer end: the latest").containsExactly(6, 7, 8);
        assertThat(get(s.before(ROOM, HistoryRef.msgid("nope"), 3, false))).as("unknown msgid").isEmpty();
        assertThat(get(s.before(ROOM, HistoryRef.msgid("m#room3"), 5, false))).hasSize(3);
        assertThat(get(s.latest("#other", null, 10, true))).isEmpty();
    }

    @Test
    void eventsComeOnlyWhenAskedAndADuplicateIsIgnored() throws Exception {
        ChatStore s = store();
        s.appendHistory(line(ROOM, 1, 100));
        s.appendHistory(event(ROOM, "e1", 101));
        s.appendHistory(line(ROOM, 2, 102));
        s.appendHistory(line(ROOM, 1, 103)); // same msgid
        s.appendHistory(new HistoryRow("other", ROOM, 102, "NOTICE", "x!x@x", null, null, ROOM + " :same time"));
        flushed(s);
        assertThat(get(s.latest(ROOM, null, 10, false))).extracting(HistoryRow::msgid).containsExactly("m#room1", "m#room2");
        assertThat(get(s.latest(ROOM, null, 10, true))).extracting(HistoryRow::msgid)
                .containsExactly("m#room1", "e1", "m#room2");
        assertThat(get(s.latest(ROOM, null, 10, true)).get(1).line()).isEqualTo(":bob!b@host JOIN #room");
    }

    @Test
    void aPrivateTalkIsSeenFromBothSidesAndWaitsForAnOfflineAccountOnce() throws Exception {
        ChatStore s = store();
        String key = HistoryRow.privateKey("alice", "bob");
        assertThat(key).isEqualTo(HistoryRow.privateKey("bob", "alice"));
        HistoryRow hi = new HistoryRow("p1", key, 500, "PRIVMSG", "Alice!a@h", "Alice", null, "Bob :hi");
        HistoryRow again = new HistoryRow("p2", key, 600, "PRIVMSG", "Alice!a@h", "Alice", null, "Bob :there?");
        assertThat(s.appendPrivate(hi, new PrivateParties("Alice", "Bob", true))).isTrue();
        assertThat(s.appendPrivate(again, new PrivateParties("Alice", "Bob", true))).isTrue();
        s.appendHistory(line(ROOM, 1, 550));
        flushed(s);
        assertThat(get(s.takePending("BOB"))).containsExactly(hi, again);
        assertThat(get(s.takePending("bob"))).as("played once").isEmpty();
        assertThat(get(s.latest(key, null, 10, false))).containsExactly(hi, again);
        assertThat(get(s.targets("bob", List.of(ROOM, "#empty"), 0, 10_000, 10)))
                .containsExactly(new HistoryTarget(ROOM, ROOM, 550), new HistoryTarget("Alice", key, 600));
        assertThat(get(s.targets("alice", List.of(), 0, 10_000, 10)))
                .containsExactly(new HistoryTarget("Bob", key, 600));
        assertThat(get(s.targets("alice", List.of(ROOM), 560, 10_000, 10))).extracting(HistoryTarget::name)
                .containsExactly("Bob");
        assertThat(get(s.targets("bob", List.of(ROOM), 0, 10_000, 1))).extracting(HistoryTarget::name)
                .containsExactly(ROOM);
        assertThat(get(s.targets(null, List.of(ROOM), 0, 10_000, 10))).hasSize(1);
    }

    @Test
    void aReadMarkerOnlyMovesForward() throws Exception {
        ChatStore s = store();
        assertThat(get(s.readMarker("alice", ROOM))).isEmpty();
        assertThat(get(s.markRead("Alice", ROOM, 500))).isEqualTo(500);
        assertThat(get(s.markRead("alice", ROOM, 400))).isEqualTo(500);
        assertThat(get(s.markRead("ALICE", ROOM, 700))).isEqualTo(700);
        assertThat(get(s.readMarker("alice", ROOM))).contains(700L);
        assertThat(get(s.readMarker("alice", "#other"))).isEmpty();
    }

    @Test
    void purgeAndTrimDeleteTheOldestAndStatsCountWhatIsLeft() throws Exception {
        ChatStore s = store();
        fill(s, 20);
        for (int i = 0; i < 5; i++) {
            s.appendHistory(line("#b", i, 2000 + i));
        }
        flushed(s);
        assertThat(get(s.historyStats(null))).isEqualTo(new HistoryStats(25, 2, 1000, 2004));
        assertThat(get(s.historyTargets())).containsExactly("#b", ROOM);
        assertThat(get(s.purgeHistory(ROOM, 1050))).isEqualTo(5);
        assertThat(get(s.historyStats(ROOM))).isEqualTo(new HistoryStats(15, 1, 1050, 1190));
        assertThat(get(s.trimHistory(ROOM, 4))).isEqualTo(11);
        assertThat(numbers(get(s.latest(ROOM, null, 100, true)))).containsExactly(16, 17, 18, 19);
        assertThat(get(s.trimHistory("#b", 10))).isZero();
        assertThat(get(s.purgeHistory(null, 1175))).as("every target").isEqualTo(2);
        assertThat(get(s.historyStats(null))).isEqualTo(new HistoryStats(7, 2, 1180, 2004));
    }

    @Test
    void historyAndItsLatestTimeSurviveAReopen() throws Exception {
        ChatStore s = store();
        assertThat(s.loadLatestHistoryTime()).isZero();
        fill(s, 10);
        closeNow(s);
        ChatStore again = store();
        assertThat(again.loadLatestHistoryTime()).isEqualTo(1090);
        assertThat(get(again.latest(ROOM, null, 100, false))).hasSize(10);
    }

    @Test
    void rowsQueuedAtCloseAreCommitted() throws Exception {
        ChatStore s = store();
        for (int i = 0; i < 5000; i++) {
            s.appendHistory(line(ROOM, i, 10L + i));
        }
        closeNow(s);
        assertThat(get(store().historyStats(ROOM)).rows()).isEqualTo(5000);
    }

    @Test
    void aFullWriterQueueRefusesRowsAtOnceInsteadOfBlocking() throws Exception {
        ChatStore s = reopen(16);
        Set<String> accepted = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            HistoryRow r = line(ROOM, i, 10L + i);
            if (s.appendHistory(r)) {
                accepted.add(r.msgid());
            }
        }
        assertThat(accepted).hasSizeLessThan(20_000).isNotEmpty();
        flushed(s);
        assertThat(get(s.historyStats(ROOM)).rows()).isEqualTo(accepted.size());
        assertThat(s.appendHistory(line(ROOM, 99_999, 1_000_000))).as("room again once drained").isTrue();
    }
}
