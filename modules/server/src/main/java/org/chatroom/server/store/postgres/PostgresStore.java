package org.chatroom.server.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.store.ChatStore;
import org.chatroom.server.store.StoreException;
import org.chatroom.server.store.jdbc.JdbcChatStore;
import org.chatroom.server.store.jdbc.Migrations;
import org.chatroom.server.store.jdbc.SqlErrors;
import org.chatroom.server.store.jdbc.StoreReaders;
import org.chatroom.server.store.jdbc.StoreWriter;
import org.postgresql.Driver;

/**
 * Opens the PostgreSQL store: checks the URL and logs in once (so a wrong address, database or
 * password stops the start with one line, before any pool or migration runs), then runs the same
 * migrations as SQLite from {@code db/migration} and hands a pool to the writer and the readers.
 */
public final class PostgresStore {
    private static final Logger LOG = LogManager.getLogger();
    private static final SqlErrors ERRORS = PostgresErrors::describe;
    /** How long a login (and a pool's wait for a new connection) may take before it is an error. */
    private static final int CONNECT_SECONDS = 5;

    private PostgresStore() {
    }

    /** The options of the store; see the {@code store.*} keys. The password is never logged. */
    public record Options(String url, String user, String password, int queueBound, int batch, int readThreads) {
        @Override
        public String toString() {
            return "Options[url=" + url + ", user=" + user + "]";
        }
    }

    /** Logs in, migrates and opens the pool; throws {@link StoreException} with one line. */
    public static ChatStore open(Options o) {
        if (Driver.parseURL(o.url(), null) == null) {
            throw new StoreException("is not a PostgreSQL JDBC URL (jdbc:postgresql://HOST[:PORT]/DATABASE)");
        }
        probe(o);
        HikariDataSource pool = pool(o);
        try {
            Migrations.run(Migrations.configure().dataSource(pool), ERRORS);
            PooledConnections connections = new PooledConnections(pool);
            LOG.info("database: PostgreSQL at {} as {}", o.url(), o.user());
            return new JdbcChatStore(new StoreWriter(connections, o.queueBound(), o.batch(), ERRORS),
                    new StoreReaders(connections, o.readThreads(), o.queueBound(), ERRORS), connections::close, ERRORS);
        } catch (RuntimeException e) {
            pool.close();
            throw e instanceof StoreException se ? se : new StoreException(ERRORS.describe(e), e);
        }
    }

    /** The driver's settings besides the credentials. */
    private static Properties settings() {
        Properties p = new Properties();
        p.setProperty("ApplicationName", "chatroom");
        p.setProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
        p.setProperty("loginTimeout", Integer.toString(CONNECT_SECONDS));
        p.setProperty("tcpKeepAlive", "true"); // a server gone without a word is noticed by the kernel
        return p;
    }

    /** One plain login first: the pool would log a stack trace for what is an operator's typo. */
    private static void probe(Options o) {
        Properties login = settings();
        login.setProperty("user", o.user());
        if (!o.password().isEmpty()) {
            login.setProperty("password", o.password());
        }
        try (Connection c = DriverManager.getConnection(o.url(), login)) {
            c.isValid(CONNECT_SECONDS);
        } catch (SQLException e) {
            throw new StoreException(ERRORS.describe(e), e);
        }
    }

    private static HikariDataSource pool(Options o) {
        HikariConfig h = new HikariConfig();
        h.setPoolName("chatroom-store");
        h.setJdbcUrl(o.url());
        h.setDataSourceProperties(settings());
        h.setUsername(o.user());
        if (!o.password().isEmpty()) {
            h.setPassword(o.password()); // HikariCP masks it when it logs its configuration
        }
        h.setMaximumPoolSize(o.readThreads() + 1); // each reader thread and the writer hold at most one
        h.setMinimumIdle(o.readThreads() + 1);
        h.setConnectionTimeout(CONNECT_SECONDS * 1000L);
        try {
            return new HikariDataSource(h);
        } catch (RuntimeException e) {
            throw new StoreException(ERRORS.describe(e), e);
        }
    }
}
