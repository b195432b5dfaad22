package org.chatroom.server.support;

import java.util.HashMap;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;

/** Starts a real daemon on 127.0.0.1 and a free port, with test-friendly overrides. */
public final class TestServer {
    private TestServer() {
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
            all.put("data.dir", java.nio.file.Files.createTempDirectory("chat-data").toString());
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
