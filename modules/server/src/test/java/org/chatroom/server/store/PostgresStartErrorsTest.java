package org.chatroom.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A PostgreSQL database the daemon cannot use stops the start with one line that names the URL
 * and what to check, never the password; run as a program, it exits 2 with that line only.
 */
@Timeout(120)
class PostgresStartErrorsTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.plain();

    private Map<String, String> login(String url, String password) throws Exception {
        return Map.of("store.url", url, "store.user", PG.user(),
                "store.password.file", PG.writePasswordFile(password).toString());
    }

    @Test
    void aWrongPasswordIsOneLine() throws Exception {
        String url = PG.createDatabase();
        assertThatThrownBy(() -> fx.start(login(url, "wrong-password-42"))).isInstanceOf(ServerStartException.class)
                .hasMessage("cannot open the database " + url + ": password authentication failed for user \"chat\""
                        + " (check store.user and store.password.file)")
                .satisfies(e -> assertThat(e.getStackTrace()).as("a message, not a trace").isEmpty());
        assertThat(fx.start(login(url, PG.password())).port()).as("starts with the right one").isPositive();
    }

    @Test
    void aMissingPasswordFileIsOneLine() {
        Path missing = fx.dir().resolve("conf/nope.password");
        assertThatThrownBy(() -> fx.start(Map.of("store.url", PG.createDatabase(), "store.password.file",
                missing.toString())))
                .isInstanceOf(ServerStartException.class)
                .hasMessage("store.password.file=" + missing + " does not exist");
    }

    @Test
    void theProgramExitsWithCode2AndOneLineNamingNoPassword() throws Exception {
        String url = PG.createDatabase();
        Path home = fx.dir();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", // as bin/chat-server.sh: JDK 24+ warns on stderr without it
                "-cp", System.getProperty("java.class.path"), // the shipped logging: console on stdout, a file
                "-Dlog4j2.configurationFile=" + Path.of("../../conf/log4j2.xml").toAbsolutePath().normalize(),
                "-Dchat.log.dir=" + home.resolve("logs"), "org.chatroom.server.Main", "--home", home.toString()));
        Map<String, String> cfg = new java.util.TreeMap<>(fx.overrides());
        cfg.putAll(login(url, "wrong-password-42"));
        cfg.forEach((k, v) -> cmd.addAll(List.of("-o", k + "=" + v)));
        Path err = home.resolve("stderr.txt");
        Path out = home.resolve("stdout.txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readAllLines(err, StandardCharsets.UTF_8)).containsExactly("chat-server: cannot open the database "
                + url + ": password authentication failed for user \"chat\" (check store.user and store.password.file)");
        String all = Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8)
                + Files.readString(home.resolve("logs/chat-server.log"), StandardCharsets.UTF_8);
        assertThat(all).contains("ERROR [main] Main - cannot open the database " + url);
        assertThat(all).doesNotContain("wrong-password-42").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
