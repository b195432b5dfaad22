package org.chatroom.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real daemon on store.url=jdbc:postgresql:...: what it keeps (accounts, rooms, history) is in PostgreSQL and outlives a restart. */
@Timeout(120)
class PostgresDaemonTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.plain();

    @Test
    void anAccountAPermanentRoomAndItsHistorySurviveARestart() throws Exception {
        String url = PG.createDatabase();
        Path password = PG.writePasswordFile(PG.password());
        Map<String, String> cfg = Map.of("store.url", url, "store.user", PG.user(),
                "store.password.file", password.toString(), "rooms.permanent", "#help",
                "oper.accounts", "root:" + PasswordHash.create("pw".toCharArray()));
        fx.start(cfg);
        try (IrcTestClient c = fx.connect()) {
            c.send("CAP LS 302");
            c.send("NICK alice");
            c.send("REGISTER * * correct-horse");
            c.awaitContains(" REGISTER SUCCESS alice :Account created");
            c.send("USER alice 0 * :Alice");
            c.send("CAP END");
            c.awaitContains(" 366 alice #lobby ");
            c.send("OPER root pw");
            c.awaitContains(" 381 alice ");
            c.send("JOIN #help");
            c.awaitContains(" 366 alice #help ");
            c.send("TOPIC #help :Ask here, be patient");
            c.send("MODE #help +k secret");
            c.send("MODE #help +b spammer!*@*");
            c.awaitContains("MODE #help +b :spammer!*@*");
            c.send("PRIVMSG #help :kept in PostgreSQL");
            c.sync();
        }

        fx.start(cfg); // closes the first daemon (its queued writes committed), starts a second on the same database
        try (IrcTestClient c = fx.connect()) {
            c.send("CAP LS 302");
            c.send("CAP REQ :sasl");
            c.awaitContains(" CAP * ACK :sasl");
            c.send("NICK alice");
            c.send("USER alice 0 * :Alice");
            c.send("AUTHENTICATE PLAIN");
            c.awaitLine(l -> l.equals("AUTHENTICATE +"));
            c.send("AUTHENTICATE " + Base64.getEncoder().encodeToString(
                    "\0ALICE\0correct-horse".getBytes(StandardCharsets.UTF_8)));
            c.awaitContains(" 903 alice :SASL authentication successful");
            c.send("CAP END");
            c.awaitContains(" 366 alice #lobby ");
            c.send("JOIN #help");
            c.awaitContains(" 475 alice #help ");
            c.send("MODE #help b");
            c.awaitLine(l -> l.contains(" 367 alice #help spammer!*@* alice"));
            c.send("JOIN #help secret");
            c.awaitContains(" 332 alice #help :Ask here, be patient");
            c.awaitContains(" PRIVMSG #help :kept in PostgreSQL"); // the history replayed on JOIN
        }

        assertThat(fx.data().resolve("chatroom.db")).as("no SQLite file beside").doesNotExist();
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = PG.superuser(database); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT a.name, r.topic FROM account a, room r WHERE r.name_key = '#help'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("alice");
            assertThat(r.getString(2)).isEqualTo("Ask here, be patient");
        }
    }
}
