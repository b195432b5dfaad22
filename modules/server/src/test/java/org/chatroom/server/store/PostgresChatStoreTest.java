package org.chatroom.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.store.postgres.PostgresStore;
import org.chatroom.server.store.sqlite.SqliteStore;
import org.chatroom.server.support.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract on a throwaway PostgreSQL server (one database per test), plus what is the server
 * database's own: the same schema as SQLite from the same migrations, one-line login errors, and
 * connections the server drops being replaced.
 */
class PostgresChatStoreTest extends ChatStoreContract {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    private final Map<Path, String> databases = new HashMap<>();

    @Override
    protected ChatStore open(Path dir, int queueBound) {
        String url = databases.computeIfAbsent(dir, d -> PG.createDatabase());
        return PostgresStore.open(new PostgresStore.Options(url, PG.user(), PG.password(), queueBound, 500, 2));
    }

    private static PostgresStore.Options login(String url, String password) {
        return new PostgresStore.Options(url, PG.user(), password, 100, 500, 2);
    }

    @Test
    void theSameMigrationsMakeTheSameTablesAsOnSqlite() throws Exception {
        open(dir, 100).close();
        open(dir, 100).close(); // a second open finds nothing to migrate
        String sqliteUrl = "jdbc:sqlite:" + dir.resolve("same.db");
        SqliteStore.open(new SqliteStore.Options(sqliteUrl, 100, 500, 1)).close();
        String pgDatabase = databases.get(dir).substring(databases.get(dir).lastIndexOf('/') + 1);
        try (Connection pg = PG.superuser(pgDatabase); Connection lite = DriverManager.getConnection(sqliteUrl)) {
            assertThat(version(pg)).isEqualTo(version(lite)).isGreaterThanOrEqualTo(2);
            assertThat(columns(pg, "SELECT table_name || '.' || column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'"))
                    .isEqualTo(columns(lite, "SELECT m.name || '.' || p.name FROM sqlite_master m,"
                            + " pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name <> 'flyway_schema_history'"))
                    .contains("account.name_key", "room_ban.list");
        }
    }

    private static int version(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success")) {
            int max = 0;
            while (r.next()) {
                max = Math.max(max, Integer.parseInt(r.getString(1)));
            }
            return max;
        }
    }

    private static TreeSet<String> columns(Connection c, String sql) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    @Test
    void aWrongPasswordIsOneLineThatNamesTheKeysAndNotThePassword() {
        String url = PG.createDatabase();
        assertThatThrownBy(() -> PostgresStore.open(login(url, "not-the-password")))
                .isInstanceOf(StoreException.class)
                .hasMessage("password authentication failed for user \"chat\" (check store.user and store.password.file)");
        assertThatThrownBy(() -> PostgresStore.open(login(url, "")))
                .hasMessageContaining("no password was provided").hasMessageEndingWith("store.password.file)");
    }

    @Test
    void aMissingDatabaseOrServerOrABadUrlIsOneLine() throws Exception {
        assertThatThrownBy(() -> PostgresStore.open(login(PG.url("nosuchdb"), PG.password())))
                .hasMessage("database \"nosuchdb\" does not exist (create it: createdb -O OWNER NAME)");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // nobody listens once it is closed
        }
        assertThatThrownBy(() -> PostgresStore.open(login("jdbc:postgresql://127.0.0.1:" + closed + "/chat", "x")))
                .hasMessageStartingWith("cannot reach the database server: Connection to 127.0.0.1:" + closed + " refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> PostgresStore.open(login("jdbc:postgresql://127.0.0.1:notaport/chat", "x")))
                .hasMessage("is not a PostgreSQL JDBC URL (jdbc:postgresql://HOST[:PORT]/DATABASE)");
    }

    @Test
    void connectionsTheServerDropsAreReplaced() throws Exception {
        ChatStore s = open(dir, 100);
        s.putBan(new BanRow("before!*@*", "", "t", 1, 0)).get(10, TimeUnit.SECONDS);
        String database = databases.get(dir).substring(databases.get(dir).lastIndexOf('/') + 1);
        try (Connection su = PG.superuser("postgres"); Statement st = su.createStatement();
             ResultSet r = st.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = '" + database + "'")) {
            r.next();
            assertThat(r.getInt(1)).as("the store's pooled connections").isPositive();
        }
        // a write or read on a killed connection may fail once; the pool then hands out new ones
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            s.putBan(new BanRow("after!*@*", "", "t", 2, 0)).get(10, TimeUnit.SECONDS);
            assertThat(s.accounts().get(10, TimeUnit.SECONDS)).isEmpty();
        });
        assertThat(s.loadBans()).extracting(BanRow::mask).containsExactly("before!*@*", "after!*@*");
        s.close();
    }
}
