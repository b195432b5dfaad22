package org.chatroom.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.chatroom.server.store.sqlite.SqliteStore;
import org.junit.jupiter.api.Test;

/** The contract on a real SQLite file, plus what is SQLite's own: the file, WAL, the migrations. */
class SqliteChatStoreTest extends ChatStoreContract {
    @Override
    protected ChatStore open(Path dir, int queueBound) {
        return SqliteStore.open(new SqliteStore.Options("jdbc:sqlite:" + dir.resolve("db/chatroom.db"), queueBound, 500, 2));
    }

    @Test
    void theFileIsInWalModeAndAtTheLatestSchemaVersion() throws Exception {
        open(dir, 100).close();
        Path file = dir.resolve("db/chatroom.db");
        assertThat(file).exists();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet wal = c.createStatement().executeQuery("PRAGMA journal_mode");
             ResultSet v = c.createStatement().executeQuery(
                     "SELECT max(version) FROM flyway_schema_history WHERE success = 1")) {
            wal.next();
            assertThat(wal.getString(1)).isEqualTo("wal");
            v.next();
            assertThat(v.getString(1)).isEqualTo("3");
        }
        open(dir, 100).close(); // a second open finds nothing to migrate and keeps the data
        assertThat(Files.size(file)).isPositive();
    }
}
