package org.chatroom.server.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway {@code redis-server} on 127.0.0.1 and a free port, in a temp folder, never the system
 * service: no persistence, no config file. {@link #stop()} and {@link #start()} again on the same port
 * let a test take Redis away and bring it back. Without redis-server installed the test fails (CI installs
 * it; say so rather than skip).
 */
public final class RedisTestServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    private RedisTestServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts one on a free port. */
    public static RedisTestServer startNew() {
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            RedisTestServer redis = new RedisTestServer(Files.createTempDirectory("chat-redis"), port);
            redis.start();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}, as {@code cluster.redis.uri} takes it. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** (Re)starts the server on its port and waits until it answers PING. */
    public void start() {
        List<String> command = new ArrayList<>(List.of(binary(), "--bind", "127.0.0.1", "--port",
                Integer.toString(port), "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--protected-mode", "no", "--loglevel", "warning"));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run redis-server", e);
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(this::answers);
    }

    /** Kills the server (SIGKILL: what a crash looks like to its clients). */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Sends one inline command and returns the first reply line (for tests that look at Redis itself). */
    public String command(String line) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder reply = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    reply.append((char) b);
                }
            }
            return reply.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers() {
        try {
            return command("PING").equals("+PONG");
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static String binary() {
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new AssertionError("redis-server is not installed (Debian: apt-get install redis-server; .ci/run does)");
    }

    @Override
    public void close() {
        stop();
        try (var all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder: best effort
        }
    }
}
