package org.chatroom.server.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Copies the write-ahead log back into the database file on a thread and connection of its own,
 * every second (at once again while a pass still finds much to copy). Left to the writer, SQLite
 * does this inside a commit every 1,000 pages of log, with two disk syncs, and the writer stored
 * nothing meanwhile: profiled, that was more than half of its time (docs/PERFORMANCE.md). A passive
 * checkpoint never blocks the writer or the readers. With {@code synchronous=NORMAL} the log is
 * synced here, so a power cut loses at most the commits of the last pass or so (about a second);
 * a crash of the daemon alone (kill -9) loses nothing committed.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    /** Time between passes while the log is small. */
    static final long INTERVAL_MS = 1000;
    /** A pass that copied at least this many pages is followed by another at once. */
    private static final int BUSY_PAGES = 1000;
    private static final long WARN_EVERY_MS = 60_000;

    private final Connection connection;
    private final Object wake = new Object();
    private final Thread thread;
    private volatile boolean closing;
    private long lastWarn;
    /** Pages of the log copied back so far, as the last pass said (back to small once the log starts over). */
    private int backfilled;

    WalCheckpointer(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "store-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        int copied = 0;
        while (!closing) {
            if (copied < BUSY_PAGES) {
                synchronized (wake) {
                    try {
                        wake.wait(INTERVAL_MS); // woken early by close
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (!closing) {
                copied = pass();
            }
        }
    }

    /** One passive checkpoint; the pages it copied (0 after a failure, which is logged at most once a minute). */
    private int pass() {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (!r.next()) {
                return 0;
            }
            int now = Math.max(0, r.getInt(3)); // busy, pages in the log, pages of it copied back
            int copied = now >= backfilled ? now - backfilled : now;
            backfilled = now;
            return copied;
        } catch (SQLException e) {
            long now = System.currentTimeMillis();
            if (now - lastWarn >= WARN_EVERY_MS) {
                lastWarn = now;
                LOG.warn("cannot copy the database log into the database file: {}", SqliteErrors.describe(e));
            }
            return 0;
        }
    }

    /** Stops the thread (the connection stays its owner's; closing the last one checkpoints everything). */
    @Override
    public void close() {
        closing = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
