package org.chatroom.console;

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
        assertThat(p.options()).isEqualTo(new ConsoleOptions("localhost", 6667, "alice", false));
    }

    @Test
    void readsEveryOption() {
        ConsoleCli.Parsed p = cli.parse(new String[] {"--host", "chat.example", "--port", "7000", "--nick", "bob", "--tls"});
        assertThat(p.options()).isEqualTo(new ConsoleOptions("chat.example", 7000, "bob", true));
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

    private static String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }
}
