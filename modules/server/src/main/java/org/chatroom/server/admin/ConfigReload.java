package org.chatroom.server.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.config.ConfigException;
import org.chatroom.server.config.ConfigKey;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.config.ServerConfigLoader;
import org.chatroom.server.context.Motd;

/**
 * Re-reads the file the daemon started from (with the same command-line overrides), applies the
 * keys that can change live and the MOTD, and reports every changed key. Keys that need a restart
 * keep their running value; a bad file changes nothing. Used by the admin {@code reload} command and
 * by SIGHUP; one reload at a time.
 */
public final class ConfigReload {
    private static final Logger LOG = LogManager.getLogger(AdminCommands.class);
    private static final Object LOCK = new Object();

    private ConfigReload() {
    }

    /** For SIGHUP: reloads and logs what happened (INFO, or WARN with the reason); never throws. */
    public static void onSignal(ServerControl server) {
        try {
            run(server, "SIGHUP");
        } catch (AdminException e) {
            LOG.warn("SIGHUP: {}", e.getMessage());
        }
    }

    /** Reloads; {@code actor} opens the log line ("admin (chat)", "SIGHUP"). Returns one row per key reported. */
    static List<Map<String, Object>> run(ServerControl server, String actor) throws AdminException {
        synchronized (LOCK) {
            return reload(server, actor);
        }
    }

    private static List<Map<String, Object>> reload(ServerControl server, String actor) throws AdminException {
        Supplier<ServerConfig> source = server.configSource();
        if (source == null) {
            throw new AdminException(AdminReply.CANT, "the daemon was not started from a configuration file; nothing to re-read");
        }
        ServerConfig fresh;
        try {
            fresh = source.get();
        } catch (ConfigException e) {
            LOG.info("{}: reload refused, configuration unchanged: {}", actor, e.getMessage());
            throw new AdminException(AdminReply.CANT, "reload failed, nothing changed: " + e.getMessage());
        }
        ServerConfig old = server.context().config();
        Map<String, String> merged = new LinkedHashMap<>(old.raw());
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        for (ConfigKey<?> key : ServerConfigKeys.all().values()) {
            String was = old.raw().get(key.name());
            String now = fresh.raw().get(key.name());
            if (Objects.equals(was, now)) {
                continue;
            }
            rows.add(row(key.name(), key.reloadable() ? "applied" : "needs-restart"));
            if (key.reloadable()) {
                merged.put(key.name(), now);
                applied.add(key.name());
            } else {
                restart.add(key.name());
            }
        }
        ServerConfig next;
        try {
            next = ServerConfigLoader.fromMap(merged, old.home(), fresh.source());
        } catch (ConfigException e) {
            throw new AdminException(AdminReply.CANT, "reload failed, nothing changed: " + e.getMessage());
        }
        for (String key : fresh.masked()) { // checked, but the command line's value stays in force
            rows.add(row(key, "overridden-on-command-line"));
        }
        List<String> motd = Motd.load(next);
        server.context().update(next, motd);
        rows.add(row("motd", motd == null ? "none" : "re-read"));
        LOG.info("{}: reloaded {}: applied {}, need a restart {}, overridden on the command line {}", actor,
                fresh.source(), applied, restart, fresh.masked());
        return rows;
    }

    private static Map<String, Object> row(String key, String status) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        row.put("status", status);
        return row;
    }
}
