package org.chatroom.distribution;

import org.chatroom.server.support.IrcTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
 * bin/chat-server.sh from the unpacked zip, for what an operator relies on over weeks: the console
 * file stays small and bounded, readiness comes from the daemon (not from grepping its console),
 * direct memory is set explicitly, and {@code reload} is SIGHUP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ZipServerScriptIT {
    private static final Duration SCRIPT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile(" listening on \\S*:(\\d+)");
    private static final int OUT_MAX = 20_000;

    private Path home;
    private Path cwd;
    private Path conf;
    private String shippedConf;
    private int port;

    @BeforeAll
    void unpackTheZip(@TempDir Path dir) throws IOException {
        home = Release.unpack(dir);
        cwd = Files.createDirectory(dir.resolve("elsewhere"));
        conf = home.resolve("conf/chat-server.properties");
        shippedConf = Files.readString(conf, StandardCharsets.UTF_8);
    }

    @AfterAll
    void stopWhateverIsLeft() {
        if (home != null && Files.exists(home.resolve("run/chat-server.pid"))) {
            server(Map.of(), "stop");
        }
    }

    private Release.Result server(Map<String, String> env, String... args) {
        return Release.run(home, cwd, env, SCRIPT, "chat-server.sh", args);
    }

    private String pid() throws IOException {
        return Files.readString(home.resolve("run/chat-server.pid"), StandardCharsets.UTF_8).strip();
    }

    private static void signal(String name, String pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, pid).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    @Test
    @Order(1)
    void printCmdSetsDirectMemoryFromTheHeapUnlessToldOtherwise() {
        assertThat(server(Map.of(), "print-cmd").output()).contains(" -Xmx512m ").contains(" -XX:MaxDirectMemorySize=512m ");
        assertThat(server(Map.of("CHAT_HEAP_OPTS", "-Xmx256m"), "print-cmd").output())
                .contains(" -XX:MaxDirectMemorySize=256m ");
        assertThat(server(Map.of("CHAT_DIRECT_OPTS", "-XX:MaxDirectMemorySize=64m"), "print-cmd").output())
                .contains(" -XX:MaxDirectMemorySize=64m ").doesNotContain("MaxDirectMemorySize=512m");
    }

    @Test
    @Order(2)
    void theConsoleFileHoldsNoLogLinesAndStaysBounded() throws Exception {
        Release.Result start = server(Map.of("CHAT_OUT_MAX_BYTES", String.valueOf(OUT_MAX)),
                "start", "--bind", "127.0.0.1", "--port", "0", "-o", "http.port=0");
        assertThat(start.exitCode()).as(start.output()).isZero();
        Matcher m = LISTENING.matcher(start.output());
        assertThat(m.find()).as("start names the port: %s", start.output()).isTrue();
        port = Integer.parseInt(m.group(1));
        assertThat(server(Map.of(), "status").output()).contains("running").contains("127.0.0.1:" + port);

        for (int i = 0; i < 5; i++) { // connection churn: each one is a few log lines
            try (IrcTestClient c = new IrcTestClient(port)) {
                c.send("NICK churn" + i);
                c.send("USER churn 0 * :churn");
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        c.lines().stream().anyMatch(l -> l.contains(" 001 churn")));
            }
        }
        Path log = home.resolve("logs/chat-server.log");
        Path out = home.resolve("logs/chat-server.out");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("churn4"));
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).as("the log is not copied to the console file")
                .doesNotContain(" INFO ").doesNotContain("churn").doesNotContain(" listening on ");

        // A thread dump (SIGQUIT) is console output the log cannot hold; five of them pass the bound.
        String pid = pid();
        for (int i = 0; i < 5; i++) {
            signal("QUIT", pid);
        }
        Path older = home.resolve("logs/chat-server.out.1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(older).exists();
            assertThat(Files.readString(older, StandardCharsets.UTF_8)).contains("Full thread dump");
            // right after a rotation the new file does not exist until the next line: wait for it
            assertThat(out).exists();
        });
        assertThat(Files.size(out)).isLessThanOrEqualTo(OUT_MAX);
        assertThat(Files.size(older)).isLessThanOrEqualTo(OUT_MAX);
    }

    @Test
    @Order(3)
    void reloadIsSighupAndSaysWhatHappened() throws Exception {
        try {
            Files.writeString(conf, shippedConf.replace("\nmax.clients=10000\n", "\nmax.clients=500\n"));
            Release.Result ok = server(Map.of(), "reload");
            assertThat(ok.exitCode()).as(ok.output()).isZero();
            assertThat(ok.output()).contains("reloaded ").contains("applied [max.clients]")
                    .contains("overridden on the command line [bind, http.port, port]");

            Files.writeString(conf, shippedConf.replace("\nmax.clients=10000\n", "\nmax.clients=lots\n"));
            Release.Result bad = server(Map.of(), "reload");
            assertThat(bad.exitCode()).as(bad.output()).isEqualTo(1);
            assertThat(bad.output()).contains("max.clients=lots is not a whole number").doesNotContain("Exception");

            Release.Result admin = Release.run(home, cwd, Map.of(), SCRIPT, "chat-admin.sh", "ping");
            assertThat(admin.exitCode()).as("a bad reload leaves the daemon up: %s", admin.output()).isZero();
        } finally {
            Files.writeString(conf, shippedConf);
        }
    }

    @Test
    @Order(4)
    void stopRemovesTheReadyFile() {
        Path ready = home.resolve("run/chat-server.listening");
        assertThat(ready).exists();
        Release.Result stop = server(Map.of(), "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(ready).doesNotExist();
        assertThat(server(Map.of(), "status").exitCode()).isEqualTo(3);
    }

    @Test
    @Order(5)
    void theFirstCleanStopLeavesAClassArchiveThatLaterStartsMap() throws Exception {
        Path cds = home.resolve("cds"); // the starts above made it: the first one's daemon wrote it at its stop
        Path archive;
        try (java.util.stream.Stream<Path> files = Files.list(cds)) {
            archive = files.filter(f -> f.getFileName().toString().endsWith(".jsa")).findFirst().orElseThrow();
        }
        assertThat(Files.size(archive)).as("a whole archive").isGreaterThan(1_000_000);
        assertThat(server(Map.of(), "print-cmd").output()).contains(" -XX:SharedArchiveFile=" + archive + " ")
                .doesNotContain("ArchiveClassesAtExit");
        assertThat(server(Map.of("CHAT_CDS", "off"), "print-cmd").output()).doesNotContain("SharedArchive")
                .doesNotContain("ArchiveClassesAtExit");

        Release.Result start = server(Map.of(), "start", "--bind", "127.0.0.1", "--port", "0", "-o", "http.port=0");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(server(Map.of(), "stop").exitCode()).isZero();
        assertThat(Files.readString(home.resolve("logs/chat-server.out"), StandardCharsets.UTF_8))
                .as("nothing from class-data sharing on the console").doesNotContain("cds").doesNotContain("archive");
    }
}
