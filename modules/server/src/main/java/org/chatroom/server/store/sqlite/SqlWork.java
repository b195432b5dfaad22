package org.chatroom.server.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** One unit of database work on a connection the store lends it (never kept past the call). */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
