package org.chatroom.server.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin commands by name, with how many arguments each takes; checks a request against that
 * and runs it. {@code monitor} and {@code quit} act on the connection itself, so the session runs them.
 */
final class AdminCommands {
    /** Runs one command; {@code who} names the admin for the log. */
    @FunctionalInterface
    interface Handler {
        AdminReply handle(AdminRequest request, String who) throws AdminException;
    }

    /** One command: {@code maxArgs} -1 means the last argument is free text of any length. */
    record Spec(String name, String usage, int minArgs, int maxArgs, String help, Handler handler) {
    }

    private final Map<String, Spec> specs = new LinkedHashMap<>();

    AdminCommands(AdminEnv env) {
        add("help", "help [COMMAND]", 0, 1, "list the commands, or show one", this::help);
        add("list", "list", 0, 0, "every connected user: nick, user@host, address, rooms, age, idle, messages, TLS",
                (r, w) -> UserCommands.list(env));
        add("info", "info NICK", 1, 1, "one user in full", (r, w) -> UserCommands.info(env, r.args().get(0)));
        add("nicks", "nicks", 0, 0, "the nicks online, one per line (for completion)", (r, w) -> UserCommands.nicks(env));
        add("rooms", "rooms", 0, 0, "rooms, member counts and topics", (r, w) -> ServerCommands.rooms(env));
        add("kick", "kick NICK [REASON]", 1, -1, "kick a user off the server; the room sees the reason",
                (r, w) -> UserCommands.kick(env, r, w));
        add("ban", "ban MASK [DURATION] [REASON]", 1, -1,
                "ban a nick, an address or nick!user@host (* and ? match), for 30m, 2h, 7d, ... or for good",
                (r, w) -> BanCommands.ban(env, r, w));
        add("unban", "unban MASK", 1, 1, "lift a ban", (r, w) -> BanCommands.unban(env, r, w));
        add("bans", "bans", 0, 0, "the bans in force", (r, w) -> BanCommands.bans(env));
        add("say", "say [ROOM] TEXT", 1, -1, "a server notice to every user, or to a room's members (of every node"
                + " in a cluster)", (r, w) -> UserCommands.say(env, r, w));
        add("topic", "topic ROOM TEXT", 2, -1, "set a room's topic as the server", (r, w) -> ServerCommands.topic(env, r, w));
        add("op", "op ROOM NICK", 2, 2, "make NICK an operator of ROOM (permanent rooms have none by default)",
                (r, w) -> RoomOpCommands.op(env, r, w, true));
        add("deop", "deop ROOM NICK", 2, 2, "take operator status in ROOM from NICK",
                (r, w) -> RoomOpCommands.op(env, r, w, false));
        add("account", "account add|passwd|del|list [NAME] [PASSWORD]", 1, 3,
                "accounts: create (add), set a new password (passwd), delete (del), list; the password is never logged",
                (r, w) -> AccountCommands.run(env, r, w));
        add("history", "history stats [ROOM] | history purge ROOM [before TIME]", 1, 4,
                "what history is kept (lines, oldest, newest, drops), or delete a room's lines (all, or older than TIME:"
                        + " 2026-01-31T12:00:00Z, 2026-01-31 or an age such as 7d)",
                (r, w) -> HistoryCommands.run(env, r, w));
        add("stats", "stats", 0, 0, "uptime, connections, users, rooms, traffic, heap", (r, w) -> ServerCommands.stats(env));
        add("monitor", "monitor", 0, 0, "stream what happens (joins, quits, room messages, ...) until any line is sent",
                (r, w) -> {
                    throw new IllegalStateException("the session runs monitor");
                });
        add("reload", "reload", 0, 0, "re-read the configuration file; say what changed and what needs a restart",
                (r, w) -> AdminReply.rows(ConfigReload.run(env.server(), "admin (" + w + ")")));
        add("shutdown", "shutdown [MESSAGE]", 0, -1, "tell every user, then stop the daemon",
                (r, w) -> ServerCommands.shutdown(env, r, w));
        add("version", "version", 0, 0, "the daemon's version and name", (r, w) -> ServerCommands.version(env));
        add("ping", "ping", 0, 0, "answers PONG", (r, w) -> AdminReply.text(List.of("PONG")));
        add("quit", "quit", 0, 0, "close this connection", (r, w) -> AdminReply.ok());
    }

    private void add(String name, String usage, int min, int max, String help, Handler h) {
        specs.put(name, new Spec(name, usage, min, max, help, h));
    }

    Collection<Spec> all() {
        return specs.values();
    }

    /** The spec for {@code request}, its argument count checked. */
    Spec check(AdminRequest request) throws AdminException {
        Spec spec = specs.get(request.command());
        if (spec == null) {
            throw new AdminException(AdminReply.UNKNOWN_COMMAND, "unknown command '" + request.command() + "' (try help)");
        }
        int n = request.args().size();
        if (n < spec.minArgs()) {
            throw new AdminException(AdminReply.TOO_FEW, "too few arguments: usage: " + spec.usage());
        }
        if (spec.maxArgs() >= 0 && n > spec.maxArgs()) {
            throw new AdminException(AdminReply.TOO_MANY, "too many arguments: usage: " + spec.usage());
        }
        return spec;
    }

    AdminReply run(AdminRequest request, String who) {
        try {
            return check(request).handler().handle(request, who);
        } catch (AdminException e) {
            return AdminReply.error(e.code(), e.getMessage());
        }
    }

    private AdminReply help(AdminRequest r, String who) throws AdminException {
        if (r.args().size() == 1) {
            Spec s = specs.get(r.args().get(0).toLowerCase(java.util.Locale.ROOT));
            if (s == null) {
                throw new AdminException(AdminReply.CANT, "no command '" + r.args().get(0) + "'");
            }
            return AdminReply.text(List.of(s.usage(), "  " + s.help()));
        }
        if (r.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Spec s : specs.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("command", s.name());
                row.put("usage", s.usage());
                row.put("help", s.help());
                rows.add(row);
            }
            return AdminReply.rows(rows);
        }
        List<String> lines = new ArrayList<>();
        for (Spec s : specs.values()) {
            lines.add(String.format("%-30s %s", s.usage(), s.help()));
        }
        lines.add("Add --json to any command that returns data for one JSON document.");
        return AdminReply.text(lines);
    }
}
