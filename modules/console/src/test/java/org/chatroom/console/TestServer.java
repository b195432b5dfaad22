package org.chatroom.console;

import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;

/** Our daemon in-process on an ephemeral loopback port. */
final class TestServer {
    private TestServer() {
    }

    static ChatServer start() {
        return start(0);
    }

    /** On {@code port}: 0 for a free one, or the port of a server just closed, to restart it. */
    static ChatServer start(int port) {
        ChatServer server = new ChatServer(ServerConfig.defaults(Map.of(
                "port", String.valueOf(port), "bind", "127.0.0.1", "admin.enabled", "false", "worker.threads", "1")));
        server.start();
        return server;
    }
}
