package org.chatroom.server.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.chatroom.protocol.Mask;
import org.chatroom.server.persist.Imported;
import org.chatroom.server.store.BanRow;
import org.chatroom.server.store.ChatStore;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;

/**
 * Administration of a running daemon: loads the bans from the store (they are enforced whether or
 * not the socket is open) and, when {@code admin.enabled}, opens the admin socket. Started and closed by
 * the daemon.
 */
public final class AdminService implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    private final AdminSocket socket;

    private AdminService(AdminSocket socket) {
        this.socket = socket;
    }

    /** Loads the bans and opens the socket; throws {@link ServerStartException} with a one-line reason. */
    public static AdminService start(ServerControl server) {
        return start(server, IDLE_TIMEOUT);
    }

    static AdminService start(ServerControl server, Duration idleTimeout) {
        ServerConfig cfg = server.context().config();
        ChatStore store = server.context().store();
        BanList bans = new BanList(store, loadBans(store, cfg.path(ServerConfigKeys.DATA_DIR)), server.context());
        server.context().admission(bans);
        AdminSocket socket = null;
        if (cfg.get(ServerConfigKeys.ADMIN_ENABLED)) {
            socket = AdminSocket.open(cfg.path(ServerConfigKeys.ADMIN_SOCKET),
                    new AdminCommands(new AdminEnv(server, bans)), server.context(), idleTimeout);
        }
        return new AdminService(socket);
    }

    /**
     * The bans in force from the database, plus those of an old bans.tsv, imported once (the file is
     * then renamed bans.tsv.imported). Bans that have ended are deleted here.
     */
    private static List<Ban> loadBans(ChatStore store, Path dataDir) {
        long now = System.currentTimeMillis();
        Map<Mask, Ban> inForce = new LinkedHashMap<>();
        for (BanRow row : store.loadBans()) {
            Ban b;
            try {
                b = Ban.of(row);
            } catch (IllegalArgumentException e) {
                LOG.warn("database: server ban '{}' skipped: not a mask", row.mask());
                continue;
            }
            if (b.expired(now)) {
                store.deleteBan(row.mask());
            } else {
                inForce.put(b.mask(), b);
            }
        }
        BansTsv tsv = new BansTsv(dataDir);
        if (Files.exists(tsv.file())) {
            try {
                List<Ban> old = tsv.load(now);
                CompletableFuture.allOf(old.stream().map(b -> store.putBan(BanList.row(b)))
                        .toArray(CompletableFuture[]::new)).join();
                old.forEach(b -> inForce.put(b.mask(), b));
                LOG.info("imported {} bans from {}; the file is kept as {}", old.size(), tsv.file(),
                        Imported.keepAside(tsv.file()));
            } catch (IOException e) {
                throw new ServerStartException("cannot import the bans from " + tsv.file() + ": " + e.getMessage());
            }
        }
        if (!inForce.isEmpty()) {
            LOG.info("{} bans in force", inForce.size());
        }
        return new ArrayList<>(inForce.values());
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
    }
}
