package org.chatroom.server.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The writer's statements for {@link BatchedRow}s, prepared once per SQL text and kept for the
 * writer's life; {@link #flush} runs the batches bound since the last flush, in first-use order.
 * Writer thread only.
 */
final class RowBatch implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>();
    private final Set<PreparedStatement> used = new LinkedHashSet<>();

    RowBatch(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}, to bind and {@code addBatch()}. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement p = prepared.get(sql);
        if (p == null) {
            p = connection.prepareStatement(sql);
            prepared.put(sql, p);
        }
        used.add(p);
        return p;
    }

    void flush() throws SQLException {
        if (used.isEmpty()) {
            return;
        }
        try {
            for (PreparedStatement p : used) {
                p.executeBatch();
            }
        } finally {
            discard();
        }
    }

    /** Forgets what was bound (after a failure, or once run). */
    void discard() {
        for (PreparedStatement p : used) {
            try {
                p.clearBatch();
            } catch (SQLException ignored) {
                // the statement is rebuilt below if it is broken
            }
        }
        used.clear();
    }

    @Override
    public void close() {
        for (PreparedStatement p : prepared.values()) {
            try {
                p.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        prepared.clear();
    }
}
