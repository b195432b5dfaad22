package org.chatroom.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Connections opened once and kept: as many as the threads that borrow them, so a borrow never
 * waits. Closed in the order given (SQLite checkpoints its WAL when the last one closes).
 */
public final class FixedConnections implements Connections {
    private final List<Connection> all;
    private final BlockingQueue<Connection> idle;

    public FixedConnections(List<Connection> connections) {
        this.all = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(all.size(), false, all);
    }

    @Override
    public Connection borrow() {
        return idle.poll(); // one connection per borrowing thread: never empty here
    }

    @Override
    public void giveBack(Connection c) {
        idle.add(c);
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
