package org.chatroom.console;

import org.chatroom.client.cli.ClientOptions;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ConsoleCli cli = new ConsoleCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void defaultsToLocalhost6667() {
        ConsoleCli.Parsed p = cli.parse(new String[] {"--nick", "alice"});
        assertThat(p.options()).isEqualTo(new ClientOptions("localhost", 6667, "alice", false));
    }

    @Test
    void readsEveryOption() {
        ConsoleCli.Parsed p = cli.parse(new String[] {"--host", "chat.example", "--port", "7000", "--nick", "bob", "--tls"});
        assertThat(p.options()).isEqualTo(new ClientOptions("chat.example", 7000, "bob", true));
        assertThat(cli.parse(new String[] {"-p", "7001", "-n", "eve"}).options().port()).isEqualTo(7001);
    }

    @Test
    void nickMayBeLeftOutToBeAskedFor() {
        assertThat(cli.parse(new String[0]).options().nick()).isNull();
    }

    @Test
    void helpPrintsOptionsToStdoutAndExitsZero() {
        ConsoleCli.Parsed p = cli.parse(new String[] {"--help"});
        assertThat(p.options()).isNull();
        assertThat(p.exitCode()).isZero();
        assertThat(text(out)).contains("--host", "--port", "--nick", "--tls", "--version", "chat-console");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void versionPrintsProgramAndVersion() {
        ConsoleCli.Parsed p = cli.parse(new String[] {"-V"});
        assertThat(p.exitCode()).isZero();
        assertThat(text(out)).startsWith("chat-console ");
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        assertThat(cli.parse(new String[] {"--port", "70000"}).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--port", "abc"}).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--bogus"}).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"extra"}).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--nick", "9lives"}).exitCode()).isEqualTo(2);
        assertThat(text(err).lines()).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("chat-console: "));
        assertThat(text(err)).contains("--port 70000 is out of range (1-65535)");
    }

    @Test
    void tlsDefaultsToPort6697AndTakesAPinnedFingerprint() {
        ClientOptions o = cli.parse(new String[] {"--nick", "alice", "--tls", "--trust-fingerprint", FP.toLowerCase()}).options();
        assertThat(o.port()).isEqualTo(6697);
        assertThat(o.tls()).isTrue();
        assertThat(o.trust().pinnedFingerprint()).contains(FP);
        assertThat(cli.parse(new String[] {"--tls", "-p", "7000"}).options().port()).isEqualTo(7000);
        assertThat(cli.parse(new String[] {"--tls"}).options().trust()).isNull();
    }

    @Test
    void trustOptionMistakesExitTwoWithOneLine() {
        assertThat(cli.parse(new String[] {"--trust-fingerprint", FP}).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--tls", "--trust-fingerprint", "12:34"}).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--tls", "--trust-fingerprint", FP, "--truststore", "t.p12"}).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--tls", "--truststore-password", "x"}).exitCode()).isEqualTo(2);
        assertThat(cli.parse(new String[] {"--tls", "--truststore", "/nonexistent/t.p12"}).exitCode()).isEqualTo(2);
        assertThat(text(err).lines()).containsExactly(
                "chat-console: --trust-fingerprint needs --tls; try --help",
                "chat-console: --trust-fingerprint '12:34' is not a SHA-256 fingerprint (64 hex digits, colons allowed, "
                        + "e.g. 3F:A2:...); try --help",
                "chat-console: --trust-fingerprint and --truststore exclude each other; try --help",
                "chat-console: --truststore-password needs --truststore; try --help",
                "chat-console: truststore /nonexistent/t.p12 does not exist");
    }

    @Test
    void helpExplainsTheTrustOptions() {
        cli.parse(new String[] {"--help"});
        assertThat(text(out)).contains("--trust-fingerprint", "--truststore", "--truststore-password", "6697");
    }

    private static final String FP = "3F:A2:" + "00:".repeat(29) + "FF";

    private static String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }
}
