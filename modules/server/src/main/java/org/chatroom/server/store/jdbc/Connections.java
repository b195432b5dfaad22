package org.chatroom.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the writer and the readers get a connection for one unit of work: a fixed set for SQLite
 * (one file, connections kept open), a pool for a server database (a broken connection is replaced).
 */
public interface Connections extends AutoCloseable {
    /** A connection for one unit of work; given back with {@link #giveBack} when it is done. */
    Connection borrow() throws SQLException;

    void giveBack(Connection c);

    /** Closes every connection; called once the store's threads have stopped. */
    @Override
    void close();
}
