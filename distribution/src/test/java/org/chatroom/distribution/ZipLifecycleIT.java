package org.chatroom.distribution;

import org.chatroom.server.support.IrcTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as a user meets it: unpack the zip into a temp folder, then drive bin/chat-server.sh,
 * a raw IRC client, bin/chat-console.sh (pipe mode) and bin/chat-admin.sh against it. The steps
 * run in order on one install, like the README's story; the server binds 127.0.0.1 port 0 and the
 * test reads the real port from what `start` reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ZipLifecycleIT {
    private static final Duration SCRIPT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile(" listening on \\S*:(\\d+)");

    private Path tmp;
    private Path home;
    private Path cwd;
    private int port;

    @BeforeAll
    void unpackTheZip(@TempDir Path dir) throws IOException {
        tmp = dir;
        home = Release.unpack(tmp);
        cwd = Files.createDirectory(tmp.resolve("elsewhere")); // scripts must not depend on the cwd
    }

    @AfterAll
    void stopWhateverIsLeft() {
        if (home != null && Files.exists(home.resolve("run/chat-server.pid"))) {
            server("stop");
        }
    }

    private Release.Result server(String... args) {
        return server(Map.of(), args);
    }

    private Release.Result server(Map<String, String> env, String... args) {
        return Release.run(home, cwd, env, SCRIPT, "chat-server.sh", args);
    }

    @Test
    @Order(1)
    void startReportsThePortStatusSeesItAndASecondStartIsRefused() {
        Release.Result start = server("start", "--bind", "127.0.0.1", "--port", "0", "-o", "http.port=0");
        assertThat(start.exitCode()).as(start.output()).isZero();
        Matcher m = LISTENING.matcher(start.output());
        assertThat(m.find()).as("start names the port: %s", start.output()).isTrue();
        port = Integer.parseInt(m.group(1));
        assertThat(port).isPositive();
        assertThat(home.resolve("run/chat-server.pid")).isRegularFile();

        Release.Result status = server("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("running").contains(":" + port);

        Release.Result again = server("start", "--bind", "127.0.0.1", "--port", "0", "-o", "http.port=0");
        assertThat(again.exitCode()).as(again.output()).isEqualTo(1);
        assertThat(again.output()).contains("already running");
    }

    @Test
    @Order(2)
    void rawClientAndConsoleInPipeModeExchangeMessages() throws Exception {
        assertThat(port).as("the server started in step 1").isPositive();
        assertThat(Release.hasClass(home, "org.chatroom.console.Main")).as("the release has the console").isTrue();
        try (IrcTestClient alice = register("alice");
             ConsoleProcess bob = new ConsoleProcess("bob")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(alice.lines()).anyMatch(l -> l.startsWith(":bob!") && l.contains(" JOIN ")));

            bob.type("hello from the console");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(alice.lines()).anyMatch(l -> l.startsWith(":bob!")
                            && l.endsWith("PRIVMSG #lobby :hello from the console")));

            alice.send("PRIVMSG #lobby :hello from a raw socket");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(bob.output()).anyMatch(l -> l.contains("hello from a raw socket")));
        }
    }

    @Test
    @Order(3)
    void adminListShowsTheUsersAndKickRemovesOne() throws Exception {
        assertThat(port).as("the server started in step 1").isPositive();
        assertThat(Release.hasClass(home, "org.chatroom.admin.Main")).as("the release has chat-admin").isTrue();
        try (IrcTestClient carol = register("carol"); IrcTestClient dave = register("dave")) {
            Release.Result list = Release.run(home, cwd, Map.of(), SCRIPT, "chat-admin.sh", "list");
            assertThat(list.exitCode()).as(list.output()).isZero();
            assertThat(list.output()).containsPattern("\\bcarol\\b").containsPattern("\\bdave\\b");

            Release.Result kick = Release.run(home, cwd, Map.of(), SCRIPT, "chat-admin.sh",
                    "kick", "dave", "end-to-end test");
            assertThat(kick.exitCode()).as(kick.output()).isZero();
            // the kick itself, not dave's earlier JOIN
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(carol.lines()).anyMatch(l -> l.contains(" KICK #lobby dave ")));

            Release.Result after = Release.run(home, cwd, Map.of(), SCRIPT, "chat-admin.sh", "list");
            assertThat(after.exitCode()).as(after.output()).isZero();
            assertThat(after.output()).containsPattern("\\bcarol\\b").doesNotContainPattern("\\bdave\\b");
        }
    }

    @Test
    @Order(4)
    void stopEndsTheDaemonAndTheLogHasTheStartLine() throws IOException {
        assertThat(port).as("the server started in step 1").isPositive();
        Release.Result stop = server("stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("stopped");
        assertThat(home.resolve("run/chat-server.pid")).doesNotExist();

        Release.Result status = server("status");
        assertThat(status.exitCode()).as(status.output()).isEqualTo(3);

        Path log = home.resolve("logs/chat-server.log");
        assertThat(log).isRegularFile();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).containsPattern(LISTENING);
    }

    @Test
    @Order(5)
    void startWithABrokenConfigSaysWhatIsWrongAndFails() throws IOException {
        Path broken = Files.writeString(tmp.resolve("broken.properties"), "port=70000\n");
        Release.Result start = server(Map.of("CHAT_CONF", broken.toString()), "start");
        assertThat(start.exitCode()).as(start.output()).isNotZero();
        assertThat(start.output()).contains("failed to start").contains("port").contains("70000");
        assertThat(home.resolve("run/chat-server.pid")).doesNotExist();
        assertThat(server("status").exitCode()).isEqualTo(3);
    }

    @Test
    @Order(6)
    void clientScriptsPassArgumentsAndExitCodesThrough() throws IOException {
        Map<String, String> programs = Map.of(
                "chat-admin.sh", "org.chatroom.admin.Main",
                "chat-console.sh", "org.chatroom.console.Main",
                "chat-gui.sh", "org.chatroom.swing.Main",
                "chat-bench.sh", "org.chatroom.bench.Main");
        for (Map.Entry<String, String> p : programs.entrySet()) {
            // a release that lost a program fails here, rather than skipping it
            assertThat(home.resolve("bin").resolve(p.getKey())).isRegularFile();
            assertThat(Release.hasClass(home, p.getValue())).as(p.getValue()).isTrue();
            Release.Result version = Release.run(home, cwd, Map.of(), SCRIPT, p.getKey(), "--version");
            assertThat(version.exitCode()).as(p.getKey() + ": " + version.output()).isZero();
            assertThat(version.output()).as(p.getKey()).contains(Release.NAME.substring("chatroom-".length()));
        }
        Release.Result list = Release.run(home, cwd, Map.of(), SCRIPT, "chat-admin.sh", "list");
        assertThat(list.exitCode()).as("admin with the daemon stopped: " + list.output()).isEqualTo(3);
        Release.Result usage = Release.run(home, cwd, Map.of(), SCRIPT, "chat-admin.sh", "--no-such-option");
        assertThat(usage.exitCode()).as(usage.output()).isEqualTo(2);
    }

    @Test
    @Order(7)
    void aCleanAdminShutdownLeavesNoPidFileSoStatusSaysNotRunning() throws IOException {
        Release.Result start = server("start", "--bind", "127.0.0.1", "--port", "0", "-o", "http.port=0");
        assertThat(start.exitCode()).as(start.output()).isZero();
        String pid = Files.readString(home.resolve("run/chat-server.pid")).strip();
        String cmdline = Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' ');
        assertThat(cmdline).as("the daemon's own class path").contains("chat-server-")
                .doesNotContain("flatlaf").doesNotContain("jline").doesNotContain("chat-swing");

        Release.Result shutdown = Release.run(home, cwd, Map.of(), SCRIPT, "chat-admin.sh", "shutdown", "Back in 5 minutes");
        assertThat(shutdown.exitCode()).as(shutdown.output()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(Path.of("/proc", pid)));
        assertThat(home.resolve("run/chat-server.pid")).as("a clean stop takes its pid file along").doesNotExist();
        Release.Result status = server("status");
        assertThat(status.exitCode()).as(status.output()).isEqualTo(3);
        assertThat(status.output()).contains("not running").doesNotContain("pid file");
    }

    @Test
    @Order(8)
    void aTakenPortOrAForeignAddressFailsWithOneLineAndTheFittingHint() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Release.Result start = server("start", "--bind", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()), "-o", "http.port=0");
            assertThat(start.exitCode()).as(start.output()).isEqualTo(2);
            assertThat(start.output().strip().lines()).as(start.output()).singleElement().asString()
                    .startsWith("chat-server: failed to start: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("already in use").contains("--port");
        }
        Release.Result foreign = server("start", "--bind", "10.99.99.99", "--port", "0", "-o", "http.port=0");
        assertThat(foreign.exitCode()).as(foreign.output()).isEqualTo(2);
        assertThat(foreign.output().strip().lines()).as(foreign.output()).singleElement().asString()
                .contains("10.99.99.99").contains("not on this machine").contains("--bind").doesNotContain("--port");
        assertThat(home.resolve("run/chat-server.pid")).doesNotExist();
    }

    /** A raw client that has registered and been put in the default room. */
    private IrcTestClient register(String nick) throws IOException {
        IrcTestClient client = new IrcTestClient(port);
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(client.lines()).anyMatch(l -> l.contains(" 366 " + nick + " ")));
        return client;
    }

    /** bin/chat-console.sh with stdin from a pipe: each line written is said in the room. */
    private final class ConsoleProcess implements AutoCloseable {
        private final Process process;
        private final OutputStream stdin;
        private final List<String> output = new CopyOnWriteArrayList<>();

        ConsoleProcess(String nick) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/chat-console.sh").toString(),
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--nick", nick)
                    .directory(cwd.toFile()).redirectErrorStream(true);
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            process = pb.start();
            stdin = process.getOutputStream();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        output.add(line);
                    }
                } catch (IOException e) {
                    // process ended
                }
            }, "console-output");
            reader.setDaemon(true);
            reader.start();
        }

        void type(String line) throws IOException {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        List<String> output() {
            return output;
        }

        @Override
        public void close() throws Exception {
            stdin.close(); // end of input: the console leaves
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chat-console.sh did not exit at end of input; output: " + output);
            }
        }
    }
}
