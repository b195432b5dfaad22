package org.chatroom.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.store.sqlite.SqliteStore;

/**
 * A small benchmark of the SQLite history store, driven directly (no IRC): how many rows/s the one
 * writer stores, the latency of {@code LATEST #room * 100} once many rows are stored, and the bytes
 * on disk per row. Not a test (no timing assertions); run by hand, see docs/PERFORMANCE.md:
 * {@code java -cp ... org.chatroom.server.store.HistoryStoreBench DIR ROWS [QUEUE BATCH]}.
 */
public final class HistoryStoreBench {
    private HistoryStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        // the shipped store.queue and store.batch unless given
        int queue = args.length > 2 ? Integer.parseInt(args[2])
                : Integer.parseInt(org.chatroom.server.config.ServerConfigKeys.STORE_QUEUE.defaultValue());
        int batch = args.length > 3 ? Integer.parseInt(args[3])
                : Integer.parseInt(org.chatroom.server.config.ServerConfigKeys.STORE_BATCH.defaultValue());
        Files.createDirectories(dir);
        Path file = dir.resolve("bench.db");
        ChatStore s = SqliteStore.open(new SqliteStore.Options("jdbc:sqlite:" + file, queue, batch, 2));
        String text = "a line of chat about as long as most lines are, give or take a few words";
        long t0 = System.nanoTime();
        long refused = 0;
        long base = System.currentTimeMillis() - rows;
        for (int i = 0; i < rows; i++) {
            String room = i % 10 == 0 ? "#room" : "#r" + (i % 50); // #room gets a tenth, 49 more rooms the rest
            HistoryRow r = new HistoryRow("b" + i, room, base + i, "PRIVMSG", "nick" + (i % 500) + "!user@10.0.0." + (i % 250),
                    i % 3 == 0 ? "nick" + (i % 500) : null, null, room + " :" + text + " " + i);
            while (!s.appendHistory(r)) {
                refused++;
                java.util.concurrent.locks.LockSupport.parkNanos(100_000); // the writer needs the core more
            }
        }
        s.markRead("bench", "#flush", 1).get(10, TimeUnit.MINUTES); // committed once this is
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("stored %,d rows in %.2f s: %,.0f rows/s (queue %d, batch %d, %,d offers refused while full)%n",
                rows, secs, rows / secs, queue, batch, refused);
        for (int warm = 0; warm < 200; warm++) {
            s.latest("#room", null, 100, false).get();
        }
        int n = 2000;
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long q0 = System.nanoTime();
            int got = s.latest("#room", null, 100, false).get().size();
            ns[i] = System.nanoTime() - q0;
            if (got != 100) {
                throw new IllegalStateException("got " + got);
            }
        }
        Arrays.sort(ns);
        System.out.printf("LATEST #room * 100 over %,d rows: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d queries)%n",
                rows, ns[n / 2] / 1e6, ns[n * 99 / 100] / 1e6, ns[n - 1] / 1e6, n);
        s.close();
        long bytes = Files.size(file);
        System.out.printf("file %,d bytes: %.1f bytes per row%n", bytes, (double) bytes / rows);
    }
}
