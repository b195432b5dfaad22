package org.chatroom.server.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One daemon as a child JVM ({@code org.chatroom.server.Main}, as bin/chat-server.sh runs it), in its own
 * folder (data, logs, admin socket, ready file), listening on a free loopback port it picks itself
 * ({@code port=0}) and names in its {@code --ready-file}. {@link #kill()} is SIGKILL: no shutdown hook,
 * no goodbye to Redis, what a crash or a pulled plug looks like to the rest of the cluster.
 */
public final class ChildDaemon {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final String name;
    private final Path dir;
    private final Map<String, String> config;
    private Process process;
    private int port;

    /** @param config every key the daemon gets with {@code -o}, besides the folder-bound ones set here */
    ChildDaemon(String name, Path dir, Map<String, String> config) {
        this.name = name;
        this.dir = dir;
        this.config = new TreeMap<>(config);
        this.config.put("bind", "127.0.0.1");
        this.config.put("port", "0");
        this.config.put("http.enabled", "false");
        this.config.put("data.dir", dir.resolve("data").toString());
        this.config.put("motd.file", dir.resolve("motd.txt").toString());
        this.config.put("admin.enabled", "true");
        this.config.put("admin.socket", socket().toString());
    }

    public String name() {
        return name;
    }

    /** The IRC port of the running daemon (a restart picks a new one). */
    public int port() {
        if (port == 0) {
            throw new IllegalStateException(name + " is not running");
        }
        return port;
    }

    public Path socket() {
        return dir.resolve("run/a.sock");
    }

    private Path readyFile() {
        return dir.resolve("ready");
    }

    /** Launches the JVM; {@link #awaitReady()} waits for it to listen. */
    void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " runs already");
        }
        port = 0;
        try {
            Files.createDirectories(dir.resolve("logs"));
            Files.deleteIfExists(readyFile());
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", // as bin/chat-server.sh: JDK 24+ warns on stderr without it
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", // three of them on a small test machine
                    "-cp", System.getProperty("java.class.path"),
                    "-Dlog4j2.configurationFile=" + Path.of("../../conf/log4j2.xml").toAbsolutePath().normalize(),
                    "-Dchat.log.dir=" + dir.resolve("logs"), "org.chatroom.server.Main", "--home", dir.toString(),
                    "--ready-file", readyFile().toString()));
            config.forEach((k, v) -> cmd.addAll(List.of("-o", k + "=" + v)));
            process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start daemon " + name, e);
        }
    }

    /** Waits until the ready file names the port; a daemon that exits first fails with its console output. */
    void awaitReady() {
        await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("daemon " + name + " exited with " + process.exitValue() + ": " + console());
            }
            return Files.exists(readyFile());
        });
        try {
            String line = Files.readString(readyFile(), StandardCharsets.UTF_8).strip(); // 127.0.0.1:PORT
            port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        port = 0;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** What the daemon printed (its console log), for failure messages. */
    public String console() {
        try {
            Path f = dir.resolve("console.log");
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "(no output)";
        } catch (IOException e) {
            return "(cannot read the console log: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return name + (port > 0 ? " on port " + port : " (down)");
    }
}
