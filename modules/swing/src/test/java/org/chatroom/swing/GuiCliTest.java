package org.chatroom.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.chatroom.client.TlsTrust;
import org.junit.jupiter.api.Test;

class GuiCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final GuiCli cli = new GuiCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    private final GuiOptions remembered = new GuiOptions("chat.home", 7000, "old", true, 5000);

    @Test
    void helpListsEveryOptionAndExitsZero() {
        GuiCli.Parsed p = cli.parse(new String[] {"--help"}, remembered);
        assertThat(p.exitCode()).isZero();
        assertThat(p.options()).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--host", "--port", "--nick", "--tls", "--version", "--max-lines");
    }

    @Test
    void versionPrintsTheProgramName() {
        assertThat(cli.parse(new String[] {"-V"}, remembered).exitCode()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("chat-gui ");
    }

    @Test
    void nickSkipsTheLoginDialog() {
        GuiOptions o = cli.parse(new String[] {"--host", "127.0.0.1", "--port", "6000", "--nick", "gina"}, remembered).options();
        assertThat(o).isEqualTo(new GuiOptions("127.0.0.1", 6000, "gina", false, 5000));
        assertThat(o.skipLogin()).isTrue();
    }

    @Test
    void withoutOptionsTheLastLoginFillsTheDialog() {
        GuiOptions o = cli.parse(new String[0], remembered).options();
        assertThat(o).isEqualTo(new GuiOptions("chat.home", 7000, null, true, 5000));
        assertThat(o.skipLogin()).isFalse();
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        assertThat(cli.parse(new String[] {"--port", "70000"}, remembered).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--nick", "two words"}, remembered).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--bogus"}, remembered).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"stray"}, remembered).exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .hasSize(4)
                .allMatch(l -> l.startsWith("chat-gui: ") && l.endsWith("; try --help"))
                .anyMatch(l -> l.contains("--port 70000 is out of range (1-65535)"));
    }

    @Test
    void tlsDefaultsToPort6697AndTakesAPinnedFingerprint() {
        GuiOptions plain = new GuiOptions("chat.home", 6667, null, false, 5000);
        String sha = "ab".repeat(32);
        GuiOptions o = cli.parse(new String[] {"--tls", "--trust-fingerprint", sha}, plain).options();
        assertThat(o.port()).isEqualTo(6697);
        assertThat(o.tls()).isTrue();
        assertThat(o.trust().pinnedFingerprint()).contains(TlsTrust.canonicalFingerprint(sha));
        assertThat(cli.parse(new String[] {"--tls", "--port", "7000"}, plain).options().port()).isEqualTo(7000);
        assertThat(cli.parse(new String[] {"--tls"}, plain).options().trust()).isNull();
    }

    @Test
    void trustOptionsAreCheckedLikeTheConsoles() {
        GuiOptions plain = new GuiOptions("chat.home", 6667, null, false, 5000);
        String sha = "ab".repeat(32);
        assertThat(cli.parse(new String[] {"--trust-fingerprint", sha}, plain).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--tls", "--trust-fingerprint", sha, "--truststore", "x.p12"}, plain)
                .exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--tls", "--truststore-password", "pw"}, plain).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--tls", "--trust-fingerprint", "12:34"}, plain).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--tls", "--truststore", "target/no-such.p12"}, plain).exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "chat-gui: --trust-fingerprint needs --tls; try --help",
                "chat-gui: --trust-fingerprint and --truststore exclude each other; try --help",
                "chat-gui: --truststore-password needs --truststore; try --help",
                "chat-gui: --trust-fingerprint '12:34' is not a SHA-256 fingerprint (64 hex digits, colons allowed, "
                        + "e.g. 3F:A2:...); try --help",
                "chat-gui: truststore target/no-such.p12 does not exist");
    }

    @Test
    void helpShowsTheTrustOptions() {
        cli.parse(new String[] {"--help"}, remembered);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--trust-fingerprint", "--truststore",
                "--truststore-password", "asks whether to trust it");
    }
}
