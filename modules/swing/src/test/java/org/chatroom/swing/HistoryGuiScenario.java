package org.chatroom.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chatroom.swing.GuiScenario.edt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javax.swing.JScrollBar;
import javax.swing.SwingUtilities;
import org.chatroom.client.ReconnectPolicy;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;

/**
 * Accounts and history in the desktop client, run by {@link DesktopClientGuiTest} in a JVM of its own
 * on a virtual display, against the real daemon and its SQLite file: the login dialog creates an
 * account; joining shows the latest 50 lines set apart with their date; scrolling to the top loads the
 * older ones; after a daemon restart the lines said meanwhile are filled in below a "new" divider.
 * The gap is certain: in between, a daemon on another port (same data folder) hears bob while the
 * client cannot reach it. Prints {@value #OK} and exits 0 when every check passed.
 */
final class HistoryGuiScenario {
    static final String OK = "HISTORY-GUI-SCENARIO OK";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private HistoryGuiScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path shots = Path.of(args.length > 0 ? args[0] : "target/gui");
        Files.createDirectories(shots);
        int code = 1;
        try {
            run(shots);
            System.out.println(OK);
            code = 0;
        } catch (Throwable t) {
            t.printStackTrace(System.out);
        }
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }

    private static ChatServer daemon(Path data, int port) {
        return TestServer.start(Map.of("data.dir", data.toString(), "port", Integer.toString(port), "flood.exempt", "127.0.0.1"));
    }

    /** bob says {@code lines} in #lobby and leaves; a clean daemon close then writes them all. */
    private static void bobSays(int port, String... lines) throws Exception {
        try (IrcTestClient bob = IrcTestClient.registered(port, "bob").answeringPings()) {
            for (String l : lines) {
                bob.send("PRIVMSG #lobby :" + l);
            }
            bob.send("PING :said");
            bob.awaitContains("PONG");
        }
    }

    private static void run(Path shots) throws Exception {
        Path data = Files.createTempDirectory("chat-gui-history");
        String[] old = new String[60];
        for (int i = 0; i < old.length; i++) {
            old[i] = String.format("old line %02d", i + 1);
        }
        ChatServer first = daemon(data, 0);
        int port = first.port();
        bobSays(port, old);
        first.close();
        ChatServer server = daemon(data, port);
        Preferences node = Preferences.userRoot().node("org/chatroom/swing-history-test-" + ProcessHandle.current().pid());
        try {
            GuiPreferences prefs = new GuiPreferences(node);
            prefs.saveLogin(new GuiOptions("127.0.0.1", port, "hana", false, 500));
            GuiApp app = new GuiApp(System.out, System.err, prefs, SystemDarkMode.fixed(false),
                    new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0));
            CompletableFuture<Integer> exit = app.launch(new String[0]);
            await().atMost(WAIT).until(() -> app.login() != null && edt(() -> app.login().isShowing()));
            LoginDialog d = app.login();
            SwingUtilities.invokeAndWait(() -> {
                d.passwordField().setText("hana-secret-pw");
                d.createAccountBox().setSelected(true);
            });
            GuiScenario.enter(d.nickField());
            await().atMost(WAIT).until(() -> app.window() != null && edt(() -> app.window().isShowing()));
            ChatWindow w = app.window();
            assertThat(server.registry().byNick("hana").account()).isEqualTo("hana");

            await().atMost(WAIT).until(() -> edt(() -> w.transcript("#lobby").plainText()).contains("old line 60"));
            String lobby = edt(() -> w.transcript("#lobby").plainText());
            assertThat(lobby).containsPattern("\\d{1,2} \\p{L}+\\.? \\d\\d:\\d\\d  bob  old line 60")
                    .contains("old line 11").doesNotContain("old line 10");
            await().atMost(WAIT).until(() -> edt(() -> w.transcript("#lobby").atBottom()));
            GuiScenario.paint(w.getRootPane(), shots.resolve("gui-history.png"));

            SwingUtilities.invokeAndWait(() -> {
                JScrollBar bar = w.transcript("#lobby").getVerticalScrollBar();
                bar.setValue(0); // the user drags the bar to the top
            });
            await().atMost(WAIT).until(() -> edt(() -> w.transcript("#lobby").plainText()).contains("old line 01"));
            assertThat(edt(() -> w.transcript("#lobby").plainText()).indexOf("old line 01"))
                    .isLessThan(edt(() -> w.transcript("#lobby").plainText()).indexOf("old line 60"));

            server.close();
            ChatServer elsewhere = daemon(data, 0);
            bobSays(elsewhere.port(), "said while hana was away");
            elsewhere.close();
            server = daemon(data, port);
            await().atMost(Duration.ofSeconds(40)).until(() -> edt(() -> w.transcript("#lobby").plainText())
                    .contains("said while hana was away"));
            String after = edt(() -> w.transcript("#lobby").plainText());
            assertThat(after.indexOf("───────  new  ───────")).as(after).isGreaterThan(after.indexOf("old line 60"))
                    .isLessThan(after.indexOf("said while hana was away"));
            assertThat(after.split("old line 60", -1)).as("the gap fill repeats nothing").hasSize(2);
            GuiScenario.paint(w.getRootPane(), shots.resolve("gui-history-gap.png"));

            SwingUtilities.invokeAndWait(() -> w.dispatchEvent(new java.awt.event.WindowEvent(w,
                    java.awt.event.WindowEvent.WINDOW_CLOSING)));
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            node.removeNode();
            server.close();
        }
    }
}
