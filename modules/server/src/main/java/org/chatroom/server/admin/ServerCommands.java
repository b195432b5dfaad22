package org.chatroom.server.admin;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.DropReason;
import org.chatroom.server.core.ServerStats;
import org.chatroom.server.command.RoomCommands;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Client;

/** {@code rooms}, {@code topic}, {@code stats}, {@code shutdown} and {@code version} ({@code reload} is {@link ConfigReload}). */
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
        f.put("users", UserCommands.registered(env).stream().filter(c -> !c.ghost()).count()); // this node's; the cluster line has every node's
        f.put("rooms", ctx.registry().rooms().count());
        f.put("bans", env.bans().active(System.currentTimeMillis()).size());
        f.put("messages_in", s.messagesIn());
        f.put("messages_out", s.messagesOut());
        f.put("bytes_in", s.bytesIn());
        f.put("bytes_out", s.bytesOut());
        f.put("slow_clients_dropped", s.slowClientsDropped());
        f.put("output_queued", s.queuedOutputBytes());
        f.put("output_budget", s.outputBudgetBytes());
        for (DropReason reason : DropReason.values()) {
            f.put(reason.statName(), s.drops(reason));
        }
        f.put("lines_refused", s.linesRefused());
        f.put("history_stored", s.historyStoredTotal());
        f.put("history_dropped", s.historyDroppedTotal());
        f.put("heap_used", rt.totalMemory() - rt.freeMemory());
        f.put("heap_max", rt.maxMemory());
        f.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        if (ctx.cluster().on()) {
            f.put("cluster", ctx.cluster().describe().substring("cluster: ".length()));
            ctx.cluster().nodeStats().forEach((node, figures) -> f.put("node." + node, figures));
        }
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
