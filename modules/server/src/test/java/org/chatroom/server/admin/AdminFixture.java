package org.chatroom.server.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;

/**
 * A real daemon on 127.0.0.1:0 with its admin socket in a short folder under /tmp (Unix socket
 * paths are limited to ~107 bytes, which surefire's folders can pass). Closed with the test.
 */
final class AdminFixture implements AutoCloseable {
    final Path dir;
    final Path socket;
    final Path data;
    private ChatServer server;

    AdminFixture() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "ca");
        socket = dir.resolve("run/a.sock");
        data = dir.resolve("data");
    }

    Map<String, String> overrides() {
        Map<String, String> all = new HashMap<>();
        all.put("port", "0");
        all.put("http.port", "0");
        all.put("bind", "127.0.0.1");
        all.put("worker.threads", "2");
        all.put("motd.file", dir.resolve("motd.txt").toString());
        all.put("admin.enabled", "true");
        all.put("admin.socket", socket.toString());
        all.put("data.dir", data.toString());
        return all;
    }

    ChatServer start() {
        return start(Map.of());
    }

    ChatServer start(Map<String, String> extra) {
        Map<String, String> all = overrides();
        all.putAll(extra);
        server = new ChatServer(ServerConfig.defaults(all)).start();
        return server;
    }

    ChatServer server() {
        return server;
    }

    int port() {
        return server.port();
    }

    AdminTestClient admin() throws IOException {
        return new AdminTestClient(socket);
    }

    /** Closes the daemon and removes the folder. */
    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
