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
        ServerCli.Outcome o = run("", "--config", f.toString(), "--port", "0", "-o", "network.name=Test",
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
}
