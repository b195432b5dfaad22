package org.chatroom.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.store.StoreException;

/**
 * The one thread that writes, so writes apply in call order (and SQLite has one writer: two would
 * only wait on each other's lock). It keeps one connection (a new one after a failed commit),
 * drains a bounded queue and applies up to {@code batch} writes per transaction, so a burst costs one
 * commit instead of one per row. History rows ({@link BatchedRow}) have no future: they are bound
 * into JDBC batches between jobs. A batch is applied first with no savepoint at all; only if a write
 * in it fails is it rolled back and applied again with a savepoint per write, so that the write that
 * failed fails alone (its future, or a row counted as lost) and the rest of the batch commits.
 */
public final class StoreWriter implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private static final Object FAILED = new Object();

    private record Job<T>(SqlWork<T> work, CompletableFuture<T> done) {
        /** The work's value, or {@link #FAILED} once the future has been failed. */
        Object run(Connection c, SqlErrors errors) {
            try (Statement s = c.createStatement()) {
                s.execute("SAVEPOINT job");
                try {
                    T value = work.run(c);
                    s.execute("RELEASE job");
                    return value;
                } catch (SQLException | RuntimeException e) {
                    s.execute("ROLLBACK TO job");
                    s.execute("RELEASE job");
                    done.completeExceptionally(new StoreException(errors.describe(e), e));
                    return FAILED;
                }
            } catch (SQLException e) {
                done.completeExceptionally(new StoreException(errors.describe(e), e));
                return FAILED;
            }
        }
    }

    private final Connections connections;
    private final SqlErrors errors;
    private final BlockingQueue<Object> queue; // Job or BatchedRow, in call order
    private final LongAdder rowsLost = new LongAdder();
    private final int batch;
    private final Thread thread;
    private volatile boolean closing;
    /** The writer thread's connection, kept across batches; given back and borrowed anew after a failed commit. */
    private Connection connection;
    /** The statements history rows are bound into, prepared on {@link #connection} (writer thread only). */
    private RowBatch rows;

    public StoreWriter(Connections connections, int queueBound, int batch, SqlErrors errors) {
        this.connections = connections;
        this.errors = errors;
        this.queue = new ArrayBlockingQueue<>(queueBound);
        this.batch = batch;
        this.thread = new Thread(this::loop, "store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code work}; fails the future at once when the queue is full or the store is closing. */
    public <T> CompletableFuture<T> submit(SqlWork<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (closing || !queue.offer(new Job<>(work, done))) {
            done.completeExceptionally(new StoreException(closing ? "the store is closed"
                    : "the database writer is " + queue.size() + " writes behind"));
        }
        return done;
    }

    /** Queues a row with no future: false at once when the queue is full or the store is closing. */
    boolean offer(BatchedRow row) {
        return !closing && queue.offer(row);
    }

    /** Rows offered, accepted, then lost because their commit failed (logged at ERROR). */
    long rowsLost() {
        return rowsLost.sum();
    }

    private void loop() {
        List<Object> jobs = new ArrayList<>(batch);
        while (!closing || !queue.isEmpty()) {
            try {
                Object first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                jobs.add(first);
                queue.drainTo(jobs, batch - 1);
                commit(jobs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                jobs.clear();
            }
        }
    }

    /**
     * Applies {@code work} in one transaction. First as it comes, without savepoints (the common case:
     * nothing fails, and a savepoint per write costs more than the write); if anything fails the
     * transaction is rolled back and the batch applied again with each write in its own savepoint,
     * so one bad write fails alone and the rest commit.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void commit(List<Object> work) {
        Object[] values = new Object[work.size()];
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try {
                applyAll(c, work, values);
                c.commit();
            } catch (SQLException | RuntimeException first) {
                c.rollback();
                rows.discard();
                applyEachAlone(c, work, values);
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("cannot commit {} database writes: {}", work.size(), errors.describe(e));
            dropConnection();
            for (Object o : work) {
                if (o instanceof Job<?> j) {
                    j.done().completeExceptionally(new StoreException(errors.describe(e), e));
                } else {
                    rowsLost.increment();
                }
            }
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (work.get(i) instanceof Job<?> j && values[i] != FAILED) { // futures complete once committed
                ((CompletableFuture) j.done()).complete(values[i]);
            }
        }
    }

    /** The fast path: every write in call order, rows bound into JDBC batches between jobs; throws at the first failure. */
    private void applyAll(Connection c, List<Object> work, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object o = work.get(i);
            if (o instanceof Job<?> j) {
                rows.flush();
                values[i] = j.work().run(c);
            } else {
                ((BatchedRow) o).addTo(rows);
            }
        }
        rows.flush();
    }

    /**
     * After a failed batch: each job and each row in a savepoint of its own. A job that fails fails its
     * future; a row that fails is counted as lost (logged once for the batch); the rest commits.
     */
    private void applyEachAlone(Connection c, List<Object> work, Object[] values) throws SQLException {
        int lost = 0;
        Exception cause = null;
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < values.length; i++) {
                Object o = work.get(i);
                if (o instanceof Job<?> j) {
                    values[i] = j.run(c, errors);
                    continue;
                }
                s.execute("SAVEPOINT row");
                try {
                    ((BatchedRow) o).addTo(rows);
                    rows.flush();
                    s.execute("RELEASE row");
                } catch (SQLException | RuntimeException e) {
                    rows.discard();
                    s.execute("ROLLBACK TO row");
                    s.execute("RELEASE row");
                    lost++;
                    cause = e;
                }
            }
        }
        if (lost > 0) {
            rowsLost.add(lost);
            LOG.error("cannot store {} history rows: {}", lost, errors.describe(cause));
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connections.borrow();
            rows = new RowBatch(connection);
        }
        return connection;
    }

    /** After a failed commit: rolls back and gives the connection back, so a broken one is replaced (pool). */
    private void dropConnection() {
        if (connection == null) {
            return;
        }
        rows.discard();
        rows.close();
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool replaces it
        }
        connections.giveBack(connection);
        connection = null;
    }

    /** Applies what is queued (up to 10 s), then stops the thread. The connections stay their owner's. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("the database writer had {} writes left at shutdown", queue.size());
        } else if (connection != null) {
            rows.close();
            connections.giveBack(connection);
            connection = null;
        }
    }
}
