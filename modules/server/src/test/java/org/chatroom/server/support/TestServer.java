package org.chatroom.server.support;

import java.util.HashMap;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;

/** Starts a real daemon on 127.0.0.1 and a free port, with test-friendly overrides. */
public final class TestServer {
    private TestServer() {
    }

    /** Data folders this JVM made, deleted when it exits (a test may still read one after close). */
    private static final java.util.Set<java.nio.file.Path> MADE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(TestServer::delete), "test-server-cleanup"));
    }

    private static void delete(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // best effort: it is a temp folder
        }
    }

    /** On {@code port}: 0 for a free one, or the port of a server just closed, to restart it there. */
    public static ChatServer start(int port) {
        return start(Map.of("port", Integer.toString(port)));
    }

    public static ChatServer start(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>();
        all.put("port", "0");
        all.put("http.port", "0");
        all.put("bind", "127.0.0.1");
        all.put("worker.threads", "2");
        all.put("admin.enabled", "false");
        all.put("motd.file", "target/no-such-motd.txt");
        try { // state files (permanent rooms) of one test must not leak into the next
            java.nio.file.Path data = java.nio.file.Files.createTempDirectory("chat-data");
            MADE.add(data);
            all.put("data.dir", data.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        all.putAll(overrides);
        return new ChatServer(ServerConfig.defaults(all)).start();
    }

    public static ChatServer start() {
        return start(Map.of());
    }
}
