package org.chatroom.server.context;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.core.ServerStats;
import org.chatroom.server.store.ChatStore;
import org.chatroom.server.store.HistoryRow;
import org.chatroom.server.store.PrivateParties;

/**
 * Hands lines to the store as history rows, from the sender's lane, without ever waiting: the
 * writer's queue takes the row or refuses it at once (counted, a WARN at most once a minute).
 *
 * <p>It also keeps each target's clock: a line's server-time is {@link #nextTime}, strictly after
 * the previous line of the same target (a tie is bumped by 1 ms), so clients paging by timestamp
 * never skip or repeat. The clock is one {@code AtomicLong} per target, so deciding takes no lock;
 * after a restart every target starts past the newest time stored before.
 */
public final class HistoryRecorder {
    private static final Logger LOG = LogManager.getLogger();
    private static final long WARN_EVERY_MILLIS = 60_000;

    private final ServerStats stats;
    private final ConcurrentHashMap<String, AtomicLong> last = new ConcurrentHashMap<>();
    private final AtomicLong nextWarnAt = new AtomicLong();
    private volatile ChatStore store;
    private volatile long floor;

    public HistoryRecorder(ServerStats stats) {
        this.stats = stats;
    }

    /** Starts recording into {@code s}; {@code newestStored} is the newest time it holds (epoch ms). */
    public void start(ChatStore s, long newestStored) {
        this.floor = newestStored;
        this.store = s;
    }

    /** False when history is off (no store given): nothing is recorded and lines keep the wall clock. */
    public boolean enabled() {
        return store != null;
    }

    /** The server-time for the next line of {@code targetKey}: now, or 1 ms after its previous line. */
    public long nextTime(String targetKey) {
        if (store == null) {
            return System.currentTimeMillis();
        }
        AtomicLong clock = last.computeIfAbsent(targetKey, k -> new AtomicLong(floor));
        long now = System.currentTimeMillis();
        return clock.accumulateAndGet(now, (prev, n) -> Math.max(prev + 1, n));
    }

    /**
     * Forgets the clocks of targets quiet for a while (a new one starts at now, which is past them):
     * the map does not grow with every private talk ever held. From the retention job.
     */
    public void forgetQuietClocks() {
        long before = System.currentTimeMillis() - 10_000;
        last.entrySet().removeIf(e -> e.getValue().get() < before);
    }

    /** Stores a room line (message or event) sent as {@code line}; {@code account} is the sender's, or null. */
    public void room(String roomKey, OutboundLine line, String account) {
        ChatStore s = store;
        if (s != null) {
            counted(s.appendHistory(row(roomKey, line, account)));
        }
    }

    /**
     * Stores a line told in several rooms at once (QUIT, NICK): one row in each, at that room's next
     * time, with the line's msgid.
     */
    public void inRooms(java.util.Collection<org.chatroom.server.state.Room> rooms, OutboundLine line, String account) {
        ChatStore s = store;
        if (s == null) {
            return;
        }
        for (org.chatroom.server.state.Room r : rooms) {
            HistoryRow row = row(r.key(), line, account);
            counted(s.appendHistory(new HistoryRow(row.msgid(), row.targetKey(), nextTime(r.key()), row.command(),
                    row.sender(), row.account(), row.tags(), row.args())));
        }
    }

    /** Stores a private message between two accounts under their shared target key. */
    public void privateMessage(String targetKey, OutboundLine line, PrivateParties parties) {
        ChatStore s = store;
        if (s != null) {
            counted(s.appendPrivate(row(targetKey, line, parties.from()), parties));
        }
    }

    /** The row for {@code line}, whose body is {@code :sender COMMAND args}. */
    static HistoryRow row(String targetKey, OutboundLine line, String account) {
        String body = line.body();
        int space = body.indexOf(' ');
        int next = body.indexOf(' ', space + 1);
        String sender = body.substring(1, space);
        String command = next < 0 ? body.substring(space + 1) : body.substring(space + 1, next);
        String args = next < 0 ? "" : body.substring(next + 1);
        return new HistoryRow(line.msgid(), targetKey, line.timeMillis(), command, sender, account, line.clientTags(),
                args);
    }

    private void counted(boolean accepted) {
        if (accepted) {
            stats.historyStored();
            return;
        }
        stats.historyDropped();
        long now = System.currentTimeMillis();
        long at = nextWarnAt.get();
        if (now >= at && nextWarnAt.compareAndSet(at, now + WARN_EVERY_MILLIS)) {
            LOG.warn("the database writer is behind: history lines are being dropped ({} so far); chat goes on",
                    stats.historyDroppedTotal());
        }
    }
}
