package org.chatroom.server.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.MonitorRegistry;

/**
 * MONITOR {@code + - C L S} (IRCv3 monitor) and the 730/731 notices watchers get when a nick
 * registers, quits or changes; with {@code extended-monitor} also AWAY for monitored nicks.
 */
public final class MonitorCommands {
    /** Room for the targets in one 730-732 line, leaving space for the prefix, numeric and nick. */
    private static final int LINE_BUDGET = 400;

    private MonitorCommands() {
    }

    static void register(CommandDispatcher d) {
        d.add("MONITOR", 1, false, MonitorCommands::monitor);
    }

    private static void monitor(Session s, IrcMessage m) {
        ChatRegistry registry = s.context().registry();
        MonitorRegistry monitors = registry.monitors();
        Client me = s.client();
        String sub = m.param(0).toUpperCase(Locale.ROOT);
        switch (sub) {
            case "+" -> {
                if (m.param(1) == null) {
                    s.reply(Numeric.ERR_NEEDMOREPARAMS, "MONITOR");
                } else {
                    add(s, m.param(1));
                }
            }
            case "-" -> {
                if (m.param(1) == null) {
                    s.reply(Numeric.ERR_NEEDMOREPARAMS, "MONITOR");
                    return;
                }
                for (String nick : m.param(1).split(",")) {
                    if (!nick.isEmpty()) {
                        monitors.remove(me, nick);
                    }
                }
            }
            case "C" -> monitors.clear(me);
            case "L" -> {
                lines(s, Numeric.RPL_MONLIST, monitors.list(me));
                s.reply(Numeric.RPL_ENDOFMONLIST);
            }
            case "S" -> status(s, monitors.list(me));
            default -> s.replyText(Numeric.ERR_UNKNOWNCOMMAND, "Unknown MONITOR subcommand (+ - C L S)", "MONITOR");
        }
    }

    private static void add(Session s, String targets) {
        ChatRegistry registry = s.context().registry();
        List<String> added = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String nick : targets.split(",")) {
            if (nick.isEmpty() || nick.indexOf(' ') >= 0) {
                continue;
            }
            if (!refused.isEmpty() || !registry.monitors().add(s.client(), nick)) {
                refused.add(nick); // past the limit the rest of the line is refused, in one 734
            } else {
                added.add(nick);
            }
        }
        if (!refused.isEmpty()) {
            s.reply(Numeric.ERR_MONLISTFULL, Integer.toString(MonitorRegistry.LIMIT), String.join(",", refused));
        }
        // After adding: a nick registering meanwhile is told by its notice if not by this answer.
        status(s, added);
    }

    /** 730 for the nicks online (with their user@host), 731 for the others. */
    private static void status(Session s, List<String> nicks) {
        ChatRegistry registry = s.context().registry();
        List<String> online = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (String nick : nicks) {
            Client c = registry.byNick(nick);
            if (c != null && c.registered()) {
                online.add(c.prefix());
            } else {
                offline.add(nick);
            }
        }
        lines(s, Numeric.RPL_MONONLINE, online);
        lines(s, Numeric.RPL_MONOFFLINE, offline);
    }

    private static void lines(Session s, Numeric numeric, List<String> items) {
        StringBuilder line = new StringBuilder();
        for (String item : items) {
            if (line.length() > 0 && line.length() + item.length() + 1 > LINE_BUDGET) {
                s.reply(numeric, line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : ",").append(item);
        }
        if (line.length() > 0) {
            s.reply(numeric, line.toString());
        }
    }

    /** {@code c} registered, or took a new nick: its watchers get 730. */
    public static void cameOnline(ServerContext ctx, Client c) {
        tell(ctx, c.nick(), Numeric.RPL_MONONLINE, c.prefix());
    }

    /** {@code nick} quit or was left for another nick: its watchers get 731. */
    public static void wentOffline(ServerContext ctx, String nick) {
        tell(ctx, nick, Numeric.RPL_MONOFFLINE, nick);
    }

    private static void tell(ServerContext ctx, String nick, Numeric numeric, String what) {
        ChatRegistry registry = ctx.registry();
        String server = ctx.config().get(ServerConfigKeys.SERVER_NAME);
        // Under the lock that MONITOR + takes too: a watcher added before this sees the notice, one after sees the state.
        registry.atomically(() -> {
            for (Client w : registry.monitors().watchersOf(nick)) {
                w.send(NumericReply.of(server, w.nick(), numeric, null, what));
            }
        });
    }

    /** extended-monitor: watchers with the cap for {@code line} (away-notify for AWAY) who share no room with {@code c}. */
    static void relayToWatchers(ServerContext ctx, Client c, Cap needed, OutboundLine line, java.util.Set<Client> peers) {
        for (Client w : ctx.registry().monitors().watchersOf(c.nick())) {
            if (w != c && w.has(Cap.EXTENDED_MONITOR) && w.has(needed) && !peers.contains(w)) {
                w.send(line);
            }
        }
    }
}
