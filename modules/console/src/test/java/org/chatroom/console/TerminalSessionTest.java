package org.chatroom.console;

import org.chatroom.server.support.TestServer;
import org.chatroom.client.cli.ClientOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent;
import org.chatroom.server.ChatServer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The terminal session in-process on a dumb JLine terminal over streams (the pty test covers a real one). */
@Timeout(30)
class TerminalSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private ChatServer server;
    private Observer bob;
    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private Terminal terminal;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        bob = new Observer(server.port(), "bob");
        terminal = TerminalBuilder.builder().system(false).streams(new PipedInputStream(keys), screen)
                .type("dumb").encoding(StandardCharsets.UTF_8).build();
    }

    @AfterEach
    void stop() throws Exception {
        runner.shutdownNow();
        terminal.close();
        bob.close();
        server.close();
    }

    private Future<Integer> run(String nick) {
        return run("127.0.0.1", server.port(), nick);
    }

    private Future<Integer> run(String host, int port, String nick) {
        ClientOptions options = new ClientOptions(host, port, nick, false);
        return runner.submit(() -> new TerminalSession(options, ClientFactory.defaults(), terminal).run());
    }

    private void type(String line) throws Exception {
        keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private String shown() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void asksForTheNickThenChatsAndLeavesOnBraceQuit() throws Exception {
        Future<Integer> code = run(null);
        await().atMost(WAIT).until(() -> shown().contains("nick: "));
        type("dumbo");
        await().atMost(WAIT).until(() -> bob.client.members("#lobby").contains("dumbo"));
        await().atMost(WAIT).until(() -> shown().contains("dumbo #lobby> "));

        type("/help");
        await().atMost(WAIT).until(() -> shown().contains("/msg NICK TEXT"));
        type("hello from a dumb terminal");
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.roomTexts()).containsExactly("hello from a dumb terminal"));
        bob.client.say("#lobby", "hi dumbo");
        await().atMost(WAIT).until(() -> shown().contains("<bob> hi dumbo"));

        type("{quit}");
        assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.of(ChatEvent.Quit.class)).singleElement()
                .satisfies(q -> assertThat(q.nick()).isEqualTo("dumbo")));
    }

    @Test
    void joinSwitchesTheRoomShownInThePrompt() throws Exception {
        Future<Integer> code = run("walker");
        await().atMost(WAIT).until(() -> shown().contains("walker #lobby> "));
        type("/join dev");
        await().atMost(WAIT).until(() -> shown().contains("walker #dev> "));
        type("in dev now");
        await().atMost(WAIT).until(() -> shown().contains("<walker> in dev now"));
        assertThat(bob.roomTexts()).isEmpty();
        type("/join #lobby");
        await().atMost(WAIT).until(() -> shown().contains("now talking in #lobby"));
        type("back in the lobby");
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.roomTexts()).containsExactly("back in the lobby"));
        type("/quit");
        assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void exitAloneLeavesButSayExitSendsTheWord() throws Exception {
        Future<Integer> code = run("leaver");
        await().atMost(WAIT).until(() -> shown().contains("leaver #lobby> "));
        type("/say exit");
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.roomTexts()).containsExactly("exit"));
        type("exit");
        assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.of(ChatEvent.Quit.class)).singleElement()
                .satisfies(q -> assertThat(q.nick()).isEqualTo("leaver")));
        assertThat(bob.roomTexts()).containsExactly("exit");
    }

    @Test
    void braceCloseLeavesToo() throws Exception {
        Future<Integer> code = run("closer");
        await().atMost(WAIT).until(() -> shown().contains("closer #lobby> "));
        type("{close}");
        assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(bob.roomTexts()).isEmpty();
    }

    @Test
    void anUnknownCommandIsNamed() throws Exception {
        Future<Integer> code = run("typo");
        await().atMost(WAIT).until(() -> shown().contains("typo #lobby> "));
        type("/jion dev");
        await().atMost(WAIT).until(() -> shown().contains("unknown command /jion, try /help"));
        type("/quit");
        assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aServerThatNeverAnsweredEndsTheSessionWithTheReasonAndExit1() throws Exception {
        try (java.net.Socket closed = new java.net.Socket()) {
            closed.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            Future<Integer> code = run("127.0.0.1", closed.getLocalPort(), "early");
            assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(shown()).contains("!!! cannot connect to 127.0.0.1:" + closed.getLocalPort())
                    .doesNotContain("reconnecting");
        }
    }

    @Test
    void anUnknownHostIsSaidInPlainWordsAndEndsWithExit1() throws Exception {
        Future<Integer> code = run("no-such-host.invalid", 6667, "lost");
        assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(shown()).contains("unknown host \"no-such-host.invalid\"; check the spelling of the server name")
                .doesNotContain("reconnecting");
    }

    @Test
    void typingBeforeTheConnectionIsUpSaysNotConnected() throws Exception {
        // a server that accepts but never answers keeps the client connecting
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Future<Integer> code = run("127.0.0.1", silent.getLocalPort(), "eager");
            await().atMost(WAIT).until(() -> shown().contains("eager (offline)> "));
            type("anyone here?");
            await().atMost(WAIT).until(() -> shown().contains("not connected: wait for the connection, or /quit"));
            assertThat(shown()).doesNotContain("you are in no room");
            type("/quit");
            assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
        }
    }
}
