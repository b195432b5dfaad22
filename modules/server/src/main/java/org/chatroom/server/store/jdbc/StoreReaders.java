package org.chatroom.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatroom.server.store.StoreException;

/**
 * Reads on a small pool of threads, each borrowing a connection per read (SQLite in WAL mode and
 * PostgreSQL both let readers run beside the writer). The queue is bounded; past it a read fails
 * at once rather than pile up. The connections stay their owner's: {@link #close} stops the threads only.
 */
public final class StoreReaders implements AutoCloseable {
    private final Connections connections;
    private final SqlErrors errors;
    private final ExecutorService pool;

    public StoreReaders(Connections connections, int threads, int queueBound, SqlErrors errors) {
        this.connections = connections;
        this.errors = errors;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueBound), r -> {
                    Thread t = new Thread(r, "store-reader-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public <T> CompletableFuture<T> submit(SqlWork<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            pool.execute(() -> read(work, done));
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new StoreException("too many database reads waiting"));
        }
        return done;
    }

    private <T> void read(SqlWork<T> work, CompletableFuture<T> done) {
        Connection c;
        try {
            c = connections.borrow();
        } catch (SQLException | RuntimeException e) {
            done.completeExceptionally(new StoreException(errors.describe(e), e));
            return;
        }
        try {
            done.complete(work.run(c));
        } catch (SQLException | RuntimeException e) {
            done.completeExceptionally(new StoreException(errors.describe(e), e));
        } finally {
            connections.giveBack(c);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
