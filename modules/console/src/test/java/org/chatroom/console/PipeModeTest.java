package org.chatroom.console;

import org.chatroom.server.support.TestServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent;
import org.chatroom.server.ChatServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console with standard input from a pipe, run in-process against our daemon. */
@Timeout(30)
class PipeModeTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private ChatServer server;
    private Observer bob;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        bob = new Observer(server.port(), "bob");
    }

    @AfterEach
    void stop() {
        bob.close();
        server.close();
    }

    private int run(String stdin, String... args) {
        ConsoleApp app = new ConsoleApp(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> false);
        return app.run(args);
    }

    private String[] args(String nick) {
        return new String[] {"--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--nick", nick};
    }

    @Test
    void pipedLinePostsToTheRoomAndExitsZero() {
        int code = run("hi\n", args("piper"));
        assertThat(code).isZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.roomTexts()).containsExactly("hi"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.of(ChatEvent.Quit.class))
                .singleElement().satisfies(q -> assertThat(q.nick()).isEqualTo("piper")));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void commandsWorkInPipeMode() {
        int code = run("/me waves\n/msg bob psst\n/nick piper2\nafter rename\n/bogus\n/quit gone fishing\nnot sent\n",
                args("piper"));
        assertThat(code).isZero();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(bob.of(ChatEvent.Action.class)).singleElement().satisfies(a -> {
                assertThat(a.nick()).isEqualTo("piper");
                assertThat(a.text()).isEqualTo("waves");
            });
            assertThat(bob.of(ChatEvent.PrivateMessage.class)).singleElement()
                    .satisfies(m -> assertThat(m.text()).isEqualTo("psst"));
            assertThat(bob.of(ChatEvent.NickChanged.class)).singleElement()
                    .satisfies(n -> assertThat(n.newNick()).isEqualTo("piper2"));
            assertThat(bob.of(ChatEvent.Quit.class)).singleElement()
                    .satisfies(q -> assertThat(q.reason()).contains("gone fishing"));
        });
        assertThat(bob.of(ChatEvent.RoomMessage.class)).singleElement().satisfies(m -> {
            assertThat(m.nick()).isEqualTo("piper2");
            assertThat(m.text()).isEqualTo("after rename");
        });
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command /bogus, try /help");
    }

    @Test
    void incomingMessagesArePrintedPlainlyUntilInputEnds() throws Exception {
        PipedOutputStream stdin = new PipedOutputStream();
        ConsoleApp app = new ConsoleApp(new PipedInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> false);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> code = runner.submit(() -> app.run(args("listener")));
            await().atMost(WAIT).until(() -> bob.client.members("#lobby").contains("listener"));
            bob.client.say("#lobby", "welcome, listener");
            await().atMost(WAIT).untilAsserted(() -> assertThat(out.toString(StandardCharsets.UTF_8))
                    .containsPattern("(?m)^\\[\\d\\d:\\d\\d\\] <bob> welcome, listener$"));
            assertThat(code).isNotDone();
            stdin.close();
            assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            runner.shutdownNow();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b[");
    }

    @Test
    void braceQuitIsAcceptedAsQuit() {
        int code = run("{quit}\nnot sent\n", args("brace"));
        assertThat(code).isZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.of(ChatEvent.Quit.class)).hasSize(1));
        assertThat(bob.roomTexts()).isEmpty();
    }

    @Test
    void failedConnectExitsOneWithOneClearLine() throws Exception {
        try (Socket closed = new Socket()) {
            closed.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int code = run("hi\n", "--host", "127.0.0.1", "--port", String.valueOf(closed.getLocalPort()), "--nick", "x");
            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement()
                    .satisfies(l -> assertThat(l).startsWith("chat-console: cannot connect to 127.0.0.1:"));
        }
    }

    @Test
    void missingNickInPipeModeIsAUsageError() {
        assertThat(run("hi\n", "--port", String.valueOf(server.port()))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--nick is required");
    }
}
