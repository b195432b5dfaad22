package org.chatroom.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** One unit of database work on a connection the store lends it (never kept past the call). */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
