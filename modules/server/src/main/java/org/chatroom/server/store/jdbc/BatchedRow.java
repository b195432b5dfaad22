package org.chatroom.server.store.jdbc;

import java.sql.SQLException;

/**
 * A row the writer appends with no future and no savepoint of its own (history lines): it binds
 * its statements into the writer's {@link RowBatch}, so a burst costs one JDBC batch per statement.
 */
@FunctionalInterface
interface BatchedRow {
    void addTo(RowBatch batch) throws SQLException;
}
