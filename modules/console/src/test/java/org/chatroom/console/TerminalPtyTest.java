package org.chatroom.console;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.TestServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.chatroom.client.ChatEvent;
import org.chatroom.server.ChatServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console in a real pseudo-terminal: {@link Main} runs as its own JVM inside tmux, and the test
 * reads the screen. Proves that a message arriving while the user types leaves the typed text intact.
 */
@Timeout(90)
class TerminalPtyTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final ChatServerExtension daemon = ChatServerExtension.withAdminSocket();
    private ChatServer server;
    private Observer bob;
    private Tmux tmux;

    @BeforeEach
    void start() throws Exception {
        if (System.getenv("CI") != null) { // CI installs tmux (.ci/run): there a missing one is a failure, not a skip
            assertThat(Tmux.available()).as("tmux installed by .ci/run").isTrue();
        }
        assumeTrue(Tmux.available(), "tmux is not installed");
        server = TestServer.start();
        bob = new Observer(server.port(), "bob");
        tmux = new Tmux();
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        if (bob != null) {
            bob.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String consoleCommand(String... args) {
        return consoleCommand(server.port(), args);
    }

    static String consoleCommand(int port, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(port)));
        cmd.addAll(List.of(args));
        return cmd.stream().map(Tmux::quote).collect(Collectors.joining(" "));
    }

    @Test
    void messageArrivingMidTypingLeavesTheTypedTextIntact() throws Exception {
        tmux.start(consoleCommand("--nick", "typer"), 100, 20);
        await().atMost(START).until(() -> tmux.lastLine().startsWith("typer #lobby>"));

        tmux.type("half typed");
        await().atMost(WAIT).until(() -> tmux.lastLine().equals("typer #lobby> half typed"));

        bob.client.say("#lobby", "incoming news");
        await().atMost(WAIT).until(() -> tmux.screen().stream().anyMatch(r -> r.matches("\\[\\d\\d:\\d\\d\\] <bob> incoming news")));
        List<String> screen = tmux.screen();
        assertThat(tmux.lastLine()).isEqualTo("typer #lobby> half typed");
        int news = indexOf(screen, "<bob> incoming news");
        int prompt = indexOf(screen, "typer #lobby> half typed");
        assertThat(news).isLessThan(prompt);

        tmux.type(" and finished");
        tmux.press("Enter");
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.roomTexts()).containsExactly("half typed and finished"));

        tmux.type("/quit see ya");
        tmux.press("Enter");
        awaitExit();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.of(ChatEvent.Quit.class)).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("see ya")));
    }

    @Test
    void asksForAMissingNickAndLeavesOnCtrlD() throws Exception {
        tmux.start(consoleCommand(), 100, 20);
        await().atMost(START).until(() -> tmux.lastLine().startsWith("nick:"));
        tmux.type("9lives");
        tmux.press("Enter");
        await().atMost(WAIT).until(() -> tmux.screen().stream().anyMatch(r -> r.startsWith("nick must start with")));
        tmux.type("asked");
        tmux.press("Enter");
        await().atMost(WAIT).until(() -> tmux.lastLine().startsWith("asked #lobby>"));
        assertThat(bob.client.members("#lobby")).contains("asked");

        tmux.type("/frobnicate");
        tmux.press("Enter");
        await().atMost(WAIT).until(() -> tmux.screen().contains("unknown command /frobnicate, try /help"));

        tmux.press("C-d");
        awaitExit();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.of(ChatEvent.Quit.class)).singleElement()
                .satisfies(q -> assertThat(q.nick()).isEqualTo("asked")));
    }

    @Test
    void asksForTheAccountPasswordMaskedThenCreatesTheAccountAndLogsIn() throws Exception {
        tmux.start(consoleCommand("--account", "masha", "--create-account"), 100, 20);
        await().atMost(START).until(() -> tmux.lastLine().startsWith("password for masha:"));
        tmux.type("hidden-secret-1");
        await().atMost(WAIT).until(() -> tmux.lastLine().equals("password for masha: " + "*".repeat(15)));
        tmux.press("Enter");
        await().atMost(WAIT).until(() -> tmux.lastLine().startsWith("masha #lobby>"));
        assertThat(screenText()).contains("--- logged in as masha (account created)").doesNotContain("hidden-secret-1");
        assertThat(server.registry().byNick("masha").account()).isEqualTo("masha");
        tmux.press("C-d");
        awaitExit();
    }

    @Test
    void keepsWhatIsTypedWhileTheServerRestartsAndSendsItOnceBack() throws Exception {
        int port = server.port();
        tmux.start(consoleCommand("--nick", "stayer"), 100, 50);
        await().atMost(START).until(() -> tmux.lastLine().startsWith("stayer #lobby>"));
        tmux.type("draft");

        bob.close();
        server.close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(screenText()).contains("shutting down; reconnecting in"));
        await().atMost(WAIT).until(() -> tmux.lastLine().equals("stayer (offline)> draft"));
        tmux.press("Enter");
        tmux.type("second");
        tmux.press("Enter");
        await().atMost(WAIT).untilAsserted(() -> assertThat(screenText())
                .contains("(pending) <stayer> draft - sent once reconnected", "(pending) <stayer> second"));

        server = TestServer.start(port);
        bob = new Observer(port, "bob");
        await().atMost(WAIT).until(() -> tmux.lastLine().equals("stayer #lobby>"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.roomTexts()).containsExactly("draft", "second"));
        assertThat(tmux.screen().stream().filter(r -> r.contains("--- connected to 127.0.0.1:" + port + " as stayer")))
                .hasSize(2);
        assertThat(tmux.screen().stream().filter(r -> r.contains("reconnecting"))).as("one line per outage").hasSize(1);
        tmux.press("C-c");
        awaitExit();
    }

    @Test
    void adminKickEndsTheSessionWithTheReasonAndNoReconnect() throws Exception {
        ChatServer admin = daemon.start();
        tmux.start(consoleCommand(admin.port(), "--nick", "rowdy"), 100, 20);
        await().atMost(START).until(() -> tmux.lastLine().startsWith("rowdy #lobby>"));
        tmux.type("one more thing");
        assertThat(daemon.admin().call("kick rowdy flooding").ok()).isTrue();
        await().atMost(WAIT).until(() -> tmux.exitStatus() != null);
        assertThat(tmux.exitStatus()).isEqualTo(1);
        assertThat(screenText()).contains("you were kicked from #lobby by chat.localhost (flooding)",
                "!!! disconnected: Closing link:").doesNotContain("reconnecting");
        assertThat(screenText().split("Closing link", -1)).as("said once").hasSize(2);
    }

    /** Waits for the console to end and checks it exited 0; on failure the message shows the screen. */
    private void awaitExit() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(tmux.exitStatus())
                .as(() -> "exit status; screen:\n" + screenText()).isEqualTo(0));
    }

    private String screenText() {
        try {
            return String.join("\n", tmux.screen());
        } catch (Exception e) {
            return "(no screen: " + e + ")";
        }
    }

    private static int indexOf(List<String> rows, String part) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
