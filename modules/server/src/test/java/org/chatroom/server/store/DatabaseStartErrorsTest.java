package org.chatroom.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.support.ChatServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A database the daemon cannot use stops the start with one line naming the file and what to do. */
@Timeout(60)
class DatabaseStartErrorsTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.plain();

    private Path db() {
        return fx.data().resolve("chatroom.db");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedInOneLine() throws Exception {
        Files.createDirectories(fx.data());
        Files.writeString(db(), "room\t#lobby\tnt\t\t0\n".repeat(300)); // e.g. a tsv copied over it

        assertThatThrownBy(fx::start).isInstanceOf(ServerStartException.class)
                .hasMessage("cannot open the database " + db() + ": the file is not a SQLite database (damaged, or"
                        + " not ours); restore a backup or move it away")
                .satisfies(e -> assertThat(e.getStackTrace()).as("a message, not a trace").isEmpty());
    }

    @Test
    void aDatabaseAnotherProgramHoldsIsRefusedInOneLine() throws Exception {
        fx.start();
        fx.server().close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = other.createStatement()) {
            s.execute("BEGIN EXCLUSIVE"); // as another chat-server on the same data.dir would, mid-write

            assertThatThrownBy(fx::start).isInstanceOf(ServerStartException.class)
                    .hasMessage("cannot open the database " + db() + ": the database is locked by another program"
                            + " (another chat-server on the same data.dir?)");
            s.execute("ROLLBACK");
        }
        assertThat(fx.start().port()).as("starts once the other program lets go").isPositive();
    }
}
