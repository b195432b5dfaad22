package org.chatroom.admin;

import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console in a real terminal (tmux): prompt, live monitor, Ctrl-C back to the prompt, tab completion. */
@Timeout(60)
class AdminConsolePtyTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();
    private TmuxPane tmux;

    @BeforeEach
    void setUp() throws Exception {
        if (System.getenv("CI") != null) { // CI installs tmux (.ci/run): there a missing one is a failure, not a skip
            org.assertj.core.api.Assertions.assertThat(TmuxPane.available()).as("tmux installed by .ci/run").isTrue();
        }
        Assumptions.assumeTrue(TmuxPane.available(), "needs tmux");
        fx.start();
        tmux = new TmuxPane();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        if (fx != null) {
        }
    }

    private String consoleCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("--socket");
        cmd.add(fx.socket().toString());
        return String.join(" ", cmd.stream().map(TmuxPane::quote).toList());
    }

    /** Waits for the screen to satisfy {@code test}; on failure the message shows the screen. */
    private void awaitScreen(java.util.function.Predicate<String> test) throws Exception {
        try {
            await().atMost(WAIT).until(() -> test.test(tmux.screen()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("screen:\n" + tmux.screen(), e);
        }
    }

    @Test
    void monitorRunsUntilCtrlCAndThePromptComesBack() throws Exception {
        IrcTestClient alice = fx.user("alice");
        tmux.start(consoleCommand());
        awaitScreen(screen -> screen.contains(AdminConsole.PROMPT.strip()));

        tmux.type("kick al");
        tmux.press("Tab");
        awaitScreen(screen -> screen.contains(AdminConsole.PROMPT + "kick alice"));
        tmux.press("C-u");

        tmux.type("monitor");
        tmux.press("Enter");
        awaitScreen(screen -> screen.contains("(monitoring; Ctrl-C stops)"));
        alice.send("PRIVMSG #lobby :live from the room");
        awaitScreen(screen -> screen.contains("msg room=#lobby nick=alice text=live from the room"));

        tmux.press("C-c");
        awaitScreen(screen -> screen.strip().endsWith(AdminConsole.PROMPT.strip()));
        tmux.type("nicks");
        tmux.press("Enter");
        awaitScreen(screen -> screen.contains("nicks\nalice\n"));
        tmux.type("exit");
        tmux.press("Enter");
        awaitScreen(screen -> screen.contains("[exit 0]"));
    }
}
