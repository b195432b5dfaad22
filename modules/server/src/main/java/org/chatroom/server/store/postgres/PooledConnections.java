package org.chatroom.server.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.chatroom.server.store.jdbc.Connections;

/**
 * The PostgreSQL store's connections: one HikariCP pool with a connection for each reader thread
 * and the one the writer keeps, so a borrow never waits while the server is up; a connection the
 * server dropped is replaced by the pool instead of failing every later write.
 */
final class PooledConnections implements Connections {
    private final HikariDataSource pool;

    PooledConnections(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection borrow() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void giveBack(Connection c) {
        try {
            c.close(); // back to the pool, which resets auto-commit
        } catch (SQLException ignored) {
            // the pool evicts it
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
