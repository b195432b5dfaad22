package org.chatroom.server;

import org.chatroom.server.context.ServerStartException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ServerCli.Outcome run(String stdin, String... args) {
        return new ServerCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).parse(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(run("", "--help").exitCode()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--config", "--port", "--override");
        assertThat(run("", "-V").exitCode()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("chat-server ");
    }

    @Test
    void configErrorIsOneLineWithStatusTwo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, "port=70000\n");
        ServerCli.Outcome o = run("", "--config", f.toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(err()).isEqualTo("chat-server: " + f + ": port=70000 is out of range (0-65535)" + System.lineSeparator());
    }

    @Test
    void unknownOptionAndStrayArgumentAreUsageErrors() {
        assertThat(run("", "--frobnicate").exitCode()).isEqualTo(2);
        assertThat(err()).startsWith("chat-server: Unrecognized option: --frobnicate");
        assertThat(run("", "extra").exitCode()).isEqualTo(2);
        assertThat(run("", "-o", "novalue").exitCode()).isEqualTo(2);
        assertThat(err()).contains("--override takes KEY=VALUE");
    }

    @Test
    void commandLineOverridesTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, "port=7000\n");
        ServerCli.Outcome o = run("", "--config", f.toString(), "--port", "0", "-o", "http.port=0", "-o", "network.name=Test",
                "--home", dir.toString());
        assertThat(o.exitCode()).isZero();
        assertThat(o.config().port()).isZero();
        assertThat(o.config().get(org.chatroom.server.config.ServerConfigKeys.NETWORK_NAME)).isEqualTo("Test");
    }

    @Test
    void hashPasswordPrintsAVerifiableHash() {
        assertThat(run("correct horse\n", "--hash-password").exitCode()).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(PasswordHash.parse(hash).matches("correct horse")).isTrue();
        assertThat(PasswordHash.parse(hash).matches("wrong")).isFalse();
    }

    @Test
    void portInUseIsAOneLineStartError() {
        try (ChatServer first = TestServer.start()) {
            assertThatThrownBy(() -> TestServer.start(java.util.Map.of("port", Integer.toString(first.port()))))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port())
                    .hasMessageContaining("address already in use");
        }
    }

    @Test
    void theWindowsScriptsActionWordIsTakenAsItComes() {
        ServerCli.Outcome o = run("", "--home", ".", "run", "--port", "0", "-o", "http.port=0");
        assertThat(o.exitCode()).as(err()).isZero();
        assertThat(o.config().port()).isZero();

        assertThat(run("", "print-cmd", "-o", "motd.text=a & b 100%").exitCode()).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains(Main.class.getName()).contains("\"motd.text=a & b 100%\"")
                .doesNotContain("print-cmd");
        assertThat(run("", "frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void anAddressThatIsNotOnThisMachineIsRefusedWithTheBindHint() {
        ServerCli.Outcome o = run("", "--bind", "10.99.99.99", "--port", "0", "-o", "http.port=0");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(err()).isEqualTo("chat-server: cannot listen on 10.99.99.99: that address is not on this machine "
                + "(choose one of its addresses with --bind or bind=, or 0.0.0.0 for all of them)" + System.lineSeparator());
        assertThat(run("", "--bind", "127.0.0.1", "--port", "0", "-o", "http.port=0").exitCode()).isZero();
    }

    @Test
    void pidFileIsTakenFromTheCommandLineAndRemovedOnlyWhenItIsOurs(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("chat-server.pid");
        assertThat(run("", "--port", "0", "-o", "http.port=0", "--pid-file", pid.toString()).pidFile()).isEqualTo(pid);
        org.apache.logging.log4j.Logger log = org.apache.logging.log4j.LogManager.getLogger(ServerCliTest.class);
        Files.writeString(pid, "1\n");
        Main.removePidFile(pid, log);
        assertThat(pid).as("another process's pid file stays").exists();
        Files.writeString(pid, ProcessHandle.current().pid() + "\n");
        Main.removePidFile(pid, log);
        assertThat(pid).doesNotExist();
    }
}
