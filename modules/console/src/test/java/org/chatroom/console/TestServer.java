package org.chatroom.console;

import java.nio.file.Path;
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
                "port", String.valueOf(port), "http.port", "0", "bind", "127.0.0.1", "admin.enabled", "false",
                "worker.threads", "1")));
        server.start();
        return server;
    }

    /** With the admin socket at {@code dir/a.sock} (keep {@code dir} short: Unix socket paths are limited). */
    static ChatServer startWithAdmin(Path dir) {
        ChatServer server = new ChatServer(ServerConfig.defaults(Map.of(
                "port", "0", "http.port", "0", "bind", "127.0.0.1", "worker.threads", "1", "admin.enabled", "true",
                "admin.socket", dir.resolve("a.sock").toString(), "data.dir", dir.resolve("data").toString())));
        server.start();
        return server;
    }

    /** Sends one admin request and returns the reply, up to its terminating empty line. */
    static String admin(Path dir, String request) throws java.io.IOException {
        try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(dir.resolve("a.sock")))) {
            ch.write(java.nio.ByteBuffer.wrap((request + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            java.io.ByteArrayOutputStream reply = new java.io.ByteArrayOutputStream();
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4096);
            while (!reply.toString(java.nio.charset.StandardCharsets.UTF_8).endsWith("\n\n") && ch.read(buf) >= 0) {
                reply.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            return reply.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
