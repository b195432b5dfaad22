package org.chatroom.server.admin;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.context.Motd;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.ServerStats;
import org.chatroom.server.command.RoomCommands;
import org.chatroom.server.config.ConfigException;
import org.chatroom.server.config.ConfigKey;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.config.ServerConfigLoader;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Client;

/** {@code rooms}, {@code topic}, {@code stats}, {@code reload}, {@code shutdown} and {@code version}. */
final class ServerCommands {
    private static final Logger LOG = LogManager.getLogger(AdminCommands.class);

    private ServerCommands() {
    }

    static AdminReply rooms(AdminEnv env) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Room> rooms = new ArrayList<>(env.context().registry().rooms().all());
        rooms.sort(Comparator.comparing(Room::name, String.CASE_INSENSITIVE_ORDER));
        for (Room r : rooms) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("room", r.name());
            row.put("members", r.size());
            row.put("topic_by", r.topic().setBy());
            row.put("topic", r.topic().text());
            rows.add(row);
        }
        return AdminReply.rows(rows);
    }

    static AdminReply topic(AdminEnv env, AdminRequest r, String who) throws AdminException {
        Room room = env.context().registry().rooms().get(r.args().get(0));
        if (room == null) {
            throw new AdminException(AdminReply.CANT, "no such room: " + r.args().get(0));
        }
        String text = UserCommands.text(r.rest(1));
        int max = env.context().config().get(ServerConfigKeys.TOPIC_LENGTH);
        if (text.length() > max) {
            text = text.substring(0, max);
        }
        String server = env.serverName();
        RoomCommands.setTopic(env.context(), room, text, server, server);
        String topic = text;
        env.context().events().fire(l -> l.topicChanged(server, room.name(), topic));
        LOG.info("admin ({}): set the topic of {}", who, room.name());
        return AdminReply.text(List.of("topic of " + room.name() + " set"));
    }

    static AdminReply stats(AdminEnv env) {
        ServerContext ctx = env.context();
        ServerStats s = ctx.stats();
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("version", ctx.version());
        f.put("uptime", (System.currentTimeMillis() - s.startedAtMillis()) / 1000);
        f.put("connections", s.connections());
        f.put("connections_peak", s.peakConnections());
        f.put("connections_total", s.connectionsTotal());
        f.put("users", UserCommands.registered(env).size());
        f.put("rooms", ctx.registry().rooms().count());
        f.put("bans", env.bans().active(System.currentTimeMillis()).size());
        f.put("messages_in", s.messagesIn());
        f.put("messages_out", s.messagesOut());
        f.put("bytes_in", s.bytesIn());
        f.put("bytes_out", s.bytesOut());
        f.put("slow_clients_dropped", s.slowClientsDropped());
        f.put("lines_refused", s.linesRefused());
        f.put("heap_used", rt.totalMemory() - rt.freeMemory());
        f.put("heap_max", rt.maxMemory());
        f.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        return AdminReply.record(f);
    }

    static AdminReply version(AdminEnv env) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("version", env.context().version());
        f.put("server", env.serverName());
        f.put("started", Instant.ofEpochMilli(env.context().stats().startedAtMillis())
                .truncatedTo(ChronoUnit.SECONDS).toString());
        return AdminReply.record(f);
    }

    /**
     * Re-reads the file the daemon started from (with the same command-line overrides), applies the
     * keys that can change live and the MOTD, and reports every changed key. Keys that need a
     * restart keep their running value; a bad file changes nothing.
     */
    static AdminReply reload(AdminEnv env, String who) throws AdminException {
        Supplier<ServerConfig> source = env.server().configSource();
        if (source == null) {
            throw new AdminException(AdminReply.CANT, "the daemon was not started from a configuration file; nothing to re-read");
        }
        ServerConfig fresh;
        try {
            fresh = source.get();
        } catch (ConfigException e) {
            LOG.info("admin ({}): reload refused, configuration unchanged: {}", who, e.getMessage());
            throw new AdminException(AdminReply.CANT, "reload failed, nothing changed: " + e.getMessage());
        }
        ServerConfig old = env.context().config();
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
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", key.name());
            row.put("status", key.reloadable() ? "applied" : "needs-restart");
            rows.add(row);
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
        List<String> motd = Motd.load(next);
        env.context().update(next, motd);
        Map<String, Object> motdRow = new LinkedHashMap<>();
        motdRow.put("key", "motd");
        motdRow.put("status", motd == null ? "none" : "re-read");
        rows.add(motdRow);
        LOG.info("admin ({}): reloaded {}: applied {}, need a restart {}", who, fresh.source(), applied, restart);
        return AdminReply.rows(rows);
    }

    static AdminReply shutdown(AdminEnv env, AdminRequest r, String who) throws AdminException {
        String message = UserCommands.text(r.rest(0));
        if (message.isEmpty()) {
            message = "The server is shutting down";
        }
        String server = env.serverName();
        List<Client> users = UserCommands.registered(env);
        for (Client c : users) {
            c.send(IrcMessage.from(server, "NOTICE", c.nick(), message));
        }
        LOG.info("admin ({}): shutdown requested; told {} users", who, users.size());
        return AdminReply.text(List.of("shutting down (" + users.size() + " users told)")).andThen(() -> {
            Thread t = new Thread(env.server()::close, "admin-shutdown");
            t.start();
        });
    }
}
