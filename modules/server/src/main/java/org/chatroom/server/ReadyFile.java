package org.chatroom.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;

/**
 * The file that says the daemon is listening, and where ({@code --ready-file}): one line such as
 * {@code 0.0.0.0:6667} or {@code 0.0.0.0:6667 and 0.0.0.0:6697 (TLS)}. {@code chat-server.sh start}
 * waits for it and {@code status} reads it, so neither has to search the console output. Written
 * whole (temporary file, then a move), removed at shutdown.
 */
final class ReadyFile {
    private ReadyFile() {
    }

    static void write(Path file, ChatServer server) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, describe(server) + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the script treats a ready file without a live pid as stale anyway
        }
    }

    /** The listeners, as the "listening on" log line names them. */
    static String describe(ChatServer server) {
        ServerConfig cfg = server.context().config();
        String host = cfg.get(ServerConfigKeys.BIND).getHostAddress();
        StringBuilder sb = new StringBuilder();
        if (cfg.get(ServerConfigKeys.PLAIN_ENABLED)) {
            sb.append(host).append(':').append(server.port());
        }
        if (cfg.get(ServerConfigKeys.TLS_ENABLED)) {
            sb.append(sb.length() > 0 ? " and " : "").append(host).append(':').append(server.tlsPort()).append(" (TLS)");
        }
        return sb.toString();
    }
}
