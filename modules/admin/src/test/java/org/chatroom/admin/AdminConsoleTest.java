package org.chatroom.admin;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The interactive console on a dumb JLine terminal: prompt, commands, errors, and completion. */
@Timeout(30)
class AdminConsoleTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    @BeforeEach
    void setUp() throws Exception {
        fx.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
    }

    /**
     * Typed input that never reaches end-of-file by itself (JLine's input pump would otherwise close
     * the terminal before the prompt reads the buffered lines); released when the test ends.
     */
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    private java.io.InputStream typed(String text) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (bytes.available() > 0) {
                    return bytes.read(b, off, len);
                }
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }

            @Override
            public int available() {
                return bytes.available();
            }
        };
    }

    private AdminConsole console(ByteArrayOutputStream err) {
        return new AdminConsole(new SocketLocator.Location(fx.socket(), false, null), false,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runsCommandsAtThePromptUntilExit() throws Exception {
        fx.user("alice"); // closed with the fixture
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
        java.io.PipedInputStream in = new java.io.PipedInputStream(keyboard);
        try (Terminal t = TerminalBuilder.builder().system(false).type("dumb").streams(in, screen).build()) {
            java.util.concurrent.CompletableFuture<Integer> code = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> console(new ByteArrayOutputStream()).run(t));
            String[] typed = {"nicks", "info ghost", "list --json", "exit"};
            for (int i = 0; i < typed.length; i++) {
                int prompts = i + 1;
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                        .until(() -> screen.toString(StandardCharsets.UTF_8).split(AdminConsole.PROMPT, -1).length > prompts);
                keyboard.write((typed[i] + "\n").getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
            }
            assertThat(code.get(5, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        } finally {
            keyboard.close();
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Connected to chat-server at " + fx.socket(), AdminConsole.PROMPT + "alice",
                "chat-admin: no such nick: ghost", "[{\"nick\":\"alice\"");
    }

    @Test
    void endOfInputLeavesTheConsole() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).type("dumb")
                .streams(typed("stats\n"), screen).build()) {
            java.util.concurrent.CompletableFuture<Integer> code = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> console(new ByteArrayOutputStream()).run(t));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> screen.toString(StandardCharsets.UTF_8).matches("(?s).*users +0.*"));
            release.countDown();
            assertThat(code.get(5, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void tabCompletesCommandsNicksAndRooms() throws Exception {
        fx.user("alice"); // closed with the fixture
        fx.user("bob");
        try (Terminal t = TerminalBuilder.builder().system(false).type("dumb")
                     .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
            AdminConsole c = console(new ByteArrayOutputStream());
            LineReader reader = LineReaderBuilder.builder().terminal(t).build();
            assertThat(complete(c, reader, "ki")).contains("kick", "list", "monitor");
            assertThat(complete(c, reader, "kick a")).containsExactly("alice", "bob");
            assertThat(complete(c, reader, "topic #")).containsExactly("#lobby");
            assertThat(complete(c, reader, "say hel")).isEmpty();
        }
    }

    private static List<String> complete(AdminConsole c, LineReader reader, String line) {
        ParsedLine parsed = reader.getParser().parse(line, line.length());
        List<Candidate> out = new ArrayList<>();
        c.complete(reader, parsed, out);
        return out.stream().map(Candidate::value).toList();
    }

    @Test
    void noDaemonMeansExitThree() throws Exception {
        fx.server().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).type("dumb")
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
            assertThat(console(err).run(t)).isEqualTo(3);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("chat-admin: chat-server is not running: no socket at " + fx.socket() + "\n");
    }
}
