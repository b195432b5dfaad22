package org.chatroom.server.admin;

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
import org.chatroom.protocol.NameRules;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Client;

/** {@code list}, {@code info}, {@code nicks}, {@code kick} and {@code say}: the users online. */
final class UserCommands {
    private static final Logger LOG = LogManager.getLogger(AdminCommands.class);
    static final int MAX_TEXT = 400;

    private UserCommands() {
    }

    static List<Client> registered(AdminEnv env) {
        return env.context().registry().clients().stream().filter(Client::registered)
                .sorted(Comparator.comparingLong(Client::connectedAtMillis)).toList();
    }

    static AdminReply list(AdminEnv env) {
        long now = System.currentTimeMillis();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Client c : registered(env)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("nick", c.nick());
            if (env.context().cluster().on()) {
                row.put("node", env.context().cluster().nodeOf(c));
            }
            row.put("user", c.user() + "@" + c.host());
            row.put("addr", addr(c));
            row.put("rooms", rooms(c));
            row.put("since", Instant.ofEpochMilli(c.connectedAtMillis()).truncatedTo(ChronoUnit.SECONDS).toString());
            row.put("age", (now - c.connectedAtMillis()) / 1000);
            row.put("idle", (now - c.lastMessageAtMillis()) / 1000);
            row.put("msgs", c.messagesSent());
            row.put("tls", tls(c));
            rows.add(row);
        }
        return AdminReply.rows(rows);
    }

    static AdminReply info(AdminEnv env, String nick) throws AdminException {
        Client c = find(env, nick);
        long now = System.currentTimeMillis();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("nick", c.nick());
        f.put("user", c.user() + "@" + c.host());
        f.put("addr", addr(c));
        f.put("rooms", rooms(c));
        f.put("since", Instant.ofEpochMilli(c.connectedAtMillis()).truncatedTo(ChronoUnit.SECONDS).toString());
        f.put("age", (now - c.connectedAtMillis()) / 1000);
        f.put("idle", (now - c.lastMessageAtMillis()) / 1000);
        f.put("msgs", c.messagesSent());
        f.put("tls", tls(c));
        f.put("invisible", c.invisible());
        f.put("away", c.away() == null ? "" : c.away());
        f.put("realname", c.realName());
        return AdminReply.record(f);
    }

    static AdminReply nicks(AdminEnv env) {
        return AdminReply.text(registered(env).stream().map(Client::nick).sorted(String.CASE_INSENSITIVE_ORDER).toList());
    }

    static AdminReply kick(AdminEnv env, AdminRequest r, String who) throws AdminException {
        Client c = find(env, r.args().get(0));
        String reason = text(r.rest(1));
        if (reason.isEmpty()) {
            reason = "Kicked by the server administrator";
        }
        List<String> rooms = rooms(c);
        c.kick(env.serverName(), reason);
        LOG.info("admin ({}): kicked {} ({}) from {}: {}", who, c.nick(), c.address(), rooms, reason);
        return AdminReply.text(List.of("kicked " + c.nick()));
    }

    /** {@code say TEXT} to every user of every node, {@code say ROOM TEXT} to a room's members on every node. */
    static AdminReply say(AdminEnv env, AdminRequest r, String who) throws AdminException {
        if (r.args().size() > 1 && NameRules.isRoomName(r.args().get(0))) {
            return RoomNotice.say(env, r.args().get(0), text(r.rest(1)), who);
        }
        String text = text(r.rest(0));
        if (text.isEmpty()) {
            throw new AdminException(AdminReply.BAD_VALUE, "nothing to say");
        }
        List<Client> users = registered(env);
        String server = env.serverName();
        for (Client c : users) {
            c.send(IrcMessage.from(server, "NOTICE", c.nick(), text)); // a ghost writes nothing
        }
        long reached = users.size(); // the other nodes' users too: their nodes tell them
        String elsewhere = "";
        if (RoomNotice.toOtherNodes(env, null, text) < 0) {
            reached = users.stream().filter(c -> !c.ghost()).count();
            elsewhere = " on this node (the other nodes cannot be reached)";
        }
        LOG.info("admin ({}): sent a server notice to {} users{}", who, reached, elsewhere);
        return AdminReply.text(List.of("sent to " + reached + " users" + elsewhere));
    }

    static Client find(AdminEnv env, String nick) throws AdminException {
        Client c = env.context().registry().byNick(nick);
        if (c == null || !c.registered()) {
            throw new AdminException(AdminReply.CANT, "no such nick: " + nick);
        }
        return c;
    }

    /** Free text from an admin: one line, at most {@link #MAX_TEXT} characters. */
    static String text(String s) throws AdminException {
        String t = AdminReply.oneLine(s).strip();
        if (t.length() > MAX_TEXT) {
            throw new AdminException(AdminReply.BAD_VALUE, "text too long (" + t.length() + " characters, at most " + MAX_TEXT + ")");
        }
        return t;
    }

    private static List<String> rooms(Client c) {
        return c.rooms().stream().map(Room::name).sorted().toList();
    }

    private static String addr(Client c) {
        return c.remote();
    }

    private static boolean tls(Client c) {
        return c.tls();
    }
}
