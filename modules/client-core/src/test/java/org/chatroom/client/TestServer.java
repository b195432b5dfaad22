package org.chatroom.client;

import java.util.HashMap;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;

/** Our daemon in-process on 127.0.0.1: an ephemeral port, or a given one for restarts. */
final class TestServer {
    private TestServer() {
    }

    static ChatServer start() {
        return start(0);
    }

    static ChatServer start(int port) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("port", String.valueOf(port));
        cfg.put("http.port", "0");
        cfg.put("bind", "127.0.0.1");
        cfg.put("admin.enabled", "false");
        cfg.put("worker.threads", "1");
        ChatServer server = new ChatServer(ServerConfig.defaults(cfg));
        server.start();
        return server;
    }
}
