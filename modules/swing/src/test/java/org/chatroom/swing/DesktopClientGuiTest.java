package org.chatroom.swing;

import org.chatroom.server.support.IrcTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one end-to-end GUI test: runs {@link GuiScenario} in a fresh JVM on an X display. AWT reads
 * DISPLAY once, from the process environment, so the window cannot share this JVM when the display is
 * a virtual one started here. The display is DISPLAY when set (a desktop, or {@code xvfb-run});
 * otherwise an {@code Xvfb} started by this test (it picks a free display number itself with
 * {@code -displayfd}). Without either the test is skipped, except under CI=true, where it fails.
 */
class DesktopClientGuiTest {
    private Process xvfb;
    private Process child;

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process p : new Process[] {child, xvfb}) {
            if (p != null && p.isAlive()) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    @Test
    @Timeout(180)
    void windowChatsWithTheRealDaemonUnderAVirtualDisplay() throws Exception {
        Path shots = runScenario(GuiScenario.class, GuiScenario.OK, "gui-scenario.log");
        assertThat(shots.resolve("gui-conversation.png")).isNotEmptyFile();
        assertThat(shots.resolve("gui-kicked.png")).isNotEmptyFile();
    }

    @Test
    @Timeout(180)
    void createsAnAccountShowsHistoryLoadsOlderPagesAndFillsTheGapAfterARestart() throws Exception {
        Path shots = runScenario(HistoryGuiScenario.class, HistoryGuiScenario.OK, "gui-history-scenario.log");
        assertThat(shots.resolve("gui-history-gap.png")).isNotEmptyFile();
    }

    /** Runs a scenario's main in a JVM of its own on the display; returns the folder of its screenshots. */
    private Path runScenario(Class<?> scenario, String ok, String logName) throws Exception {
        String display = display();
        Path target = Path.of("target").toAbsolutePath();
        Path shots = target.resolve("gui");
        Path log = target.resolve(logName);
        Files.createDirectories(shots);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Djava.awt.headless=false",
                "-Djava.util.prefs.userRoot=" + target.resolve("prefs"),
                "-Dlog4j2.configurationFile=org/chatroom/swing/log4j2-gui.xml",
                "-cp", classpath, scenario.getName(), shots.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display);
        child = pb.start();
        boolean done = child.waitFor(150, TimeUnit.SECONDS);
        String output = Files.readString(log);
        assertThat(done).as("%s finished in time; its output:%n%s", scenario.getSimpleName(), output).isTrue();
        assertThat(child.exitValue()).as("exit code of %s; its output:%n%s", scenario.getSimpleName(), output).isZero();
        assertThat(output).contains(ok);
        return shots;
    }

    @Test
    @Timeout(120)
    void sigtermLeavesWithAQuitAsClosingTheWindowDoes() throws Exception {
        String display = display();
        org.chatroom.server.ChatServer server = new org.chatroom.server.ChatServer(
                org.chatroom.server.config.ServerConfig.defaults(java.util.Map.of("port", "0", "http.port", "0", "bind", "127.0.0.1",
                        "admin.enabled", "false")));
        server.start();
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob").answeringPings()) {
            Path target = Path.of("target").toAbsolutePath();
            Path log = target.resolve("gui-sigterm.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder pb = new ProcessBuilder(java, "-Djava.awt.headless=false",
                    "-Djava.util.prefs.userRoot=" + target.resolve("prefs"), "-cp", classpath, Main.class.getName(),
                    "--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--nick", "termy")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DISPLAY", display);
            child = pb.start();
            // a fresh JVM opening a window: more than IrcTestClient's 5 s on a busy machine
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> bob.lines().stream()
                    .anyMatch(l -> l.startsWith(":termy!") && l.contains(" JOIN ")));

            child.destroy(); // SIGTERM, as a logout or kill sends it
            String quit = bob.awaitLine(l -> l.startsWith(":termy!") && l.contains(" QUIT "));
            assertThat(quit).as("the QUIT (not a dropped connection); client output:%n%s", Files.readString(log))
                    .contains("leaving");
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.close();
        }
    }

    private String display() throws IOException {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return display;
        }
        String xvfbPath = onPath("Xvfb");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (xvfbPath == null) {
            if (ci) {
                fail("CI=true but there is no display: DISPLAY is unset and Xvfb is not on PATH (apt-get install xvfb)");
            }
            Assumptions.abort("no DISPLAY and no Xvfb on PATH: the GUI test needs one of them");
        }
        xvfb = new ProcessBuilder(xvfbPath, "-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp", "-noreset")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String number = in.readLine(); // Xvfb writes the display number once it accepts connections
        if (number == null || !number.strip().matches("\\d+")) {
            fail("Xvfb did not start (it printed " + number + ")");
        }
        return ":" + number.strip();
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}
