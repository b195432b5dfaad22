package org.chatroom.server.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatroom.server.store.StoreException;

/**
 * Reads on a small pool, one connection per thread: in WAL mode readers never wait for the writer
 * nor for each other. The queue is bounded; past it a read fails at once rather than pile up.
 */
final class StoreReaders implements AutoCloseable {
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all;
    private final ExecutorService pool;

    StoreReaders(List<Connection> connections, int queueBound) {
        this.all = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(all.size(), false, all);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(all.size(), all.size(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueBound), r -> {
                    Thread t = new Thread(r, "store-reader-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    <T> CompletableFuture<T> submit(SqlWork<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                Connection c = idle.poll(); // as many threads as connections: never empty here
                try {
                    done.complete(work.run(c));
                } catch (SQLException | RuntimeException e) {
                    done.completeExceptionally(new StoreException(SqliteErrors.describe(e), e));
                } finally {
                    idle.add(c);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new StoreException("too many database reads waiting"));
        }
        return done;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
