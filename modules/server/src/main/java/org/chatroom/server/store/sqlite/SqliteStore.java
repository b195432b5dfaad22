package org.chatroom.server.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.chatroom.server.store.ChatStore;
import org.chatroom.server.store.StoreException;
import org.chatroom.server.store.jdbc.FixedConnections;
import org.chatroom.server.store.jdbc.JdbcChatStore;
import org.chatroom.server.store.jdbc.Migrations;
import org.chatroom.server.store.jdbc.SqlErrors;
import org.chatroom.server.store.jdbc.StoreReaders;
import org.chatroom.server.store.jdbc.StoreWriter;

/**
 * Opens the SQLite file: refuses a damaged or locked file with one line, switches it to WAL, runs
 * the migrations in {@code db/migration} (Flyway, which has SQLite in its core), then hands one
 * connection to the writer, one to each reader and one to the {@link WalCheckpointer}.
 */
public final class SqliteStore {
    /** Pages of log (4 KiB each) past which the writer checkpoints itself: 256 MiB. */
    private static final int WRITER_CHECKPOINT_PAGES = 65_536;
    /** Bytes the log file is cut back to once it starts over. */
    private static final long LOG_SIZE_LIMIT = 64L << 20;

    private SqliteStore() {
    }

    /** The options of the store; see the {@code store.*} keys. */
    public record Options(String url, int queueBound, int batch, int readThreads) {
    }

    /** Opens (creating if need be) and migrates the database; throws {@link StoreException} with one line. */
    public static ChatStore open(Options o) {
        prepareFolder(o.url());
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = connect(o.url(), opened);
            checkWritable(writer);
            Migrations.run(Migrations.configure().dataSource(o.url(), null, null), SqliteErrors::describe);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < o.readThreads(); i++) {
                readers.add(connect(o.url(), opened));
            }
            Connection checkpoints = connect(o.url(), opened);
            FixedConnections readerConnections = new FixedConnections(readers);
            FixedConnections writerConnection = new FixedConnections(List.of(writer));
            WalCheckpointer checkpointer = new WalCheckpointer(checkpoints);
            SqlErrors errors = SqliteErrors::describe;
            // the readers' connections close first: the writer's, last, checkpoints the WAL
            Runnable release = () -> {
                checkpointer.close();
                closeQuietly(checkpoints);
                readerConnections.close();
                writerConnection.close();
            };
            return new JdbcChatStore(new StoreWriter(writerConnection, o.queueBound(), o.batch(), errors),
                    new StoreReaders(readerConnections, o.readThreads(), o.queueBound(), errors), release, errors);
        } catch (SQLException | RuntimeException e) {
            opened.forEach(SqliteStore::closeQuietly);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(SqliteErrors.describe(e), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway (or already failing)
        }
    }

    private static void prepareFolder(String url) {
        String file = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : "";
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder " + parent + ": " + e.getMessage());
        }
    }

    private static Connection connect(String url, List<Connection> opened) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        opened.add(c);
        try (Statement s = c.createStatement()) {
            // A short wait at start: a lock held longer than this is another program's, said as such.
            s.execute("PRAGMA busy_timeout = 2000");
            s.execute("PRAGMA foreign_keys = ON");
            // History indexes are written all over: a bigger page cache (32 MiB a connection, off-heap)
            // keeps them in memory instead of re-reading pages for each batch.
            s.execute("PRAGMA cache_size = -32768");
            s.execute("PRAGMA temp_store = MEMORY");
        }
        return c;
    }

    /**
     * Reads the header (a damaged file fails here, not at the first ban), turns on WAL (readers
     * never wait for the writer) with synchronous=NORMAL (a kill -9 loses nothing committed; a power
     * cut may lose the commits since the last checkpoint, about a second: see {@link WalCheckpointer}),
     * and takes the write lock once so that a file another program holds is refused at start rather
     * than at the first write.
     */
    private static void checkWritable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            // Checkpoints are the WalCheckpointer's; the writer makes one itself only if the log grows
            // past 256 MiB all the same (a burst longer than the checkpointer keeps up with).
            s.execute("PRAGMA wal_autocheckpoint = " + WRITER_CHECKPOINT_PAGES);
            s.execute("PRAGMA journal_size_limit = " + LOG_SIZE_LIMIT); // the log file shrinks back after a burst
            try (var rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next(); // reads the schema pages: a file damaged there fails now, not at the first ban
            }
            s.execute("BEGIN IMMEDIATE");
            s.execute("ROLLBACK");
            s.execute("PRAGMA busy_timeout = 10000"); // in service a writer may wait out a checkpoint
        }
    }
}
