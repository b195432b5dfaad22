package org.chatroom.console;

import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;

/** Our daemon in-process on an ephemeral loopback port. */
final class TestServer {
    private TestServer() {
    }

    static ChatServer start() {
        ChatServer server = new ChatServer(ServerConfig.defaults(Map.of(
                "port", "0", "bind", "127.0.0.1", "admin.enabled", "false", "worker.threads", "1")));
        server.start();
        return server;
    }
}
