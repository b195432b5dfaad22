package org.chatroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.ChatServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * History in the console, in a real pseudo-terminal (tmux) against the real daemon and its SQLite
 * file: what was said before is shown dim with its date on joining, and what was said while the
 * daemon restarted is filled in once it is back. Each daemon restart is a clean one, which writes
 * every stored line; the gap is made certain by a daemon on another port in between (same data folder),
 * where bob talks while the console cannot reach it.
 */
@Timeout(120)
class ConsoleHistoryPtyTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String DATED = "\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\] ";

    @RegisterExtension
    final ChatServerExtension daemon = ChatServerExtension.plain();
    private Tmux tmux;

    @BeforeEach
    void start() {
        if (System.getenv("CI") != null) { // CI installs tmux (.ci/run): there a missing one is a failure, not a skip
            assertThat(Tmux.available()).as("tmux installed by .ci/run").isTrue();
        }
        assumeTrue(Tmux.available(), "tmux is not installed");
        tmux = new Tmux();
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
    }

    private static void say(int port, String text) throws Exception {
        try (Observer bob = new Observer(port, "bob")) {
            bob.client.say("#lobby", text);
            await().atMost(WAIT).until(() -> bob.of(org.chatroom.client.ChatEvent.RoomMessage.class).stream()
                    .anyMatch(m -> m.self() && m.text().equals(text)));
        }
    }

    @Test
    void showsHistoryOnJoinAndFillsTheGapAfterARestart() throws Exception {
        ChatServer server = daemon.start();
        int port = server.port();
        say(port, "said before you came");
        daemon.start(Map.of("port", Integer.toString(port))); // a clean restart has written the line

        tmux.start(TerminalPtyTest.consoleCommand(port, "--nick", "carol"), 110, 50);
        await().atMost(START).until(() -> tmux.lastLine().startsWith("carol #lobby>"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(screenText()).contains("--- earlier in #lobby (1 line):"));
        int history = rowMatching(DATED + "<bob> said before you came");
        assertThat(history).as(() -> "a dated history line; screen:\n" + screenText()).isGreaterThanOrEqualTo(0);
        assertThat(history).isLessThan(tmux.screen().size() - 1);

        daemon.server().close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(screenText()).contains("reconnecting in"));
        ChatServer elsewhere = daemon.start(Map.of("port", "0"));
        say(elsewhere.port(), "said while you were away");
        daemon.start(Map.of("port", Integer.toString(port)));

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(screenText())
                .contains("--- missed in #lobby while away (1 line):"));
        assertThat(rowMatching(DATED + "<bob> said while you were away")).isGreaterThan(history);
        assertThat(tmux.screen().stream().filter(r -> r.contains("said before you came"))).as("shown once").hasSize(1);
        await().atMost(WAIT).until(() -> tmux.lastLine().startsWith("carol #lobby>"));

        tmux.type("/history 5");
        tmux.press("Enter");
        await().atMost(WAIT).untilAsserted(() -> assertThat(screenText()).contains("--- nothing older in #lobby"));
        tmux.type("/help");
        tmux.press("Enter");
        await().atMost(WAIT).untilAsserted(() -> assertThat(screenText()).contains("/history [N]"));
        tmux.press("C-c");
        await().atMost(WAIT).untilAsserted(() -> assertThat(tmux.exitStatus()).as(this::screenText).isEqualTo(0));
    }

    private int rowMatching(String regex) throws Exception {
        List<String> rows = tmux.screen();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).matches(regex)) {
                return i;
            }
        }
        return -1;
    }

    private String screenText() {
        try {
            return String.join("\n", tmux.screen());
        } catch (Exception e) {
            return "(no screen: " + e + ")";
        }
    }
}
