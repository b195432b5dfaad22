package org.chatroom.server.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;

/**
 * Administration of a running daemon: loads the bans (they are enforced whether or not the socket
 * is open) and, when {@code admin.enabled}, opens the admin socket. Started and closed by
 * the daemon.
 */
public final class AdminService implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    private final BanStore store;
    private final AdminSocket socket;

    private AdminService(BanStore store, AdminSocket socket) {
        this.store = store;
        this.socket = socket;
    }

    /** Loads the bans and opens the socket; throws {@link ServerStartException} with a one-line reason. */
    public static AdminService start(ServerControl server) {
        return start(server, IDLE_TIMEOUT);
    }

    static AdminService start(ServerControl server, Duration idleTimeout) {
        ServerConfig cfg = server.context().config();
        Path data = cfg.path(ServerConfigKeys.DATA_DIR);
        BanStore store = new BanStore(data);
        List<Ban> loaded;
        try {
            loaded = store.load(System.currentTimeMillis());
        } catch (IOException e) {
            store.close();
            throw new ServerStartException("cannot read the bans from " + store.file() + ": " + e.getMessage());
        }
        if (!loaded.isEmpty()) {
            LOG.info("{} bans in force from {}", loaded.size(), store.file());
        }
        BanList bans = new BanList(store, loaded);
        server.context().admission(bans);
        AdminSocket socket = null;
        if (cfg.get(ServerConfigKeys.ADMIN_ENABLED)) {
            try {
                socket = AdminSocket.open(cfg.path(ServerConfigKeys.ADMIN_SOCKET),
                        new AdminCommands(new AdminEnv(server, bans)), server.context(), idleTimeout);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return new AdminService(store, socket);
    }

    /** The socket's path, or null when it is disabled. */
    public Path socketPath() {
        return socket == null ? null : socket.path();
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
        store.close();
    }
}
