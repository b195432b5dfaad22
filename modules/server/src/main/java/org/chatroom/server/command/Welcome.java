package org.chatroom.server.command;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.RoomModes;
import org.chatroom.server.state.MonitorRegistry;

/** The burst a client gets when registration completes: 001-005, LUSERS and the MOTD. */
public final class Welcome {
    private static final int TOKENS_PER_LINE = 12;

    private Welcome() {
    }

    public static void send(Session s) {
        ServerContext ctx = s.context();
        ServerConfig cfg = ctx.config();
        Client c = s.client();
        String server = cfg.get(ServerConfigKeys.SERVER_NAME);
        String network = cfg.get(ServerConfigKeys.NETWORK_NAME);
        s.reply(Numeric.RPL_WELCOME, "Welcome to the " + network + " Network, " + c.prefix());
        s.reply(Numeric.RPL_YOURHOST, "Your host is " + server + ", running version chatroom-" + ctx.version());
        s.reply(Numeric.RPL_CREATED, "This server was created "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(ctx.createdAtMillis())
                .atZone(ZoneOffset.UTC)));
        s.reply(Numeric.RPL_MYINFO, server, "chatroom-" + ctx.version(), "Bio", "CIbeiklmnostv", "Ibeklov");
        List<String> tokens = isupport(cfg);
        for (int i = 0; i < tokens.size(); i += TOKENS_PER_LINE) {
            List<String> params = new ArrayList<>(tokens.subList(i, Math.min(tokens.size(), i + TOKENS_PER_LINE)));
            s.reply(Numeric.RPL_ISUPPORT, params.toArray(String[]::new));
        }
        lusers(s);
        motd(s);
    }

    /** The 005 tokens: only what this server really does. */
    static List<String> isupport(ServerConfig cfg) {
        return List.of(
                "AWAYLEN=" + cfg.get(ServerConfigKeys.AWAY_LENGTH),
                "BOT=B",
                "CASEMAPPING=" + ChatRegistry.MAPPING.token(),
                "CHANLIMIT=#:" + cfg.get(ServerConfigKeys.USER_MAX_ROOMS),
                "CHANMODES=beI,k,l," + RoomModes.FLAGS,
                "CHANNELLEN=" + cfg.get(ServerConfigKeys.ROOM_LENGTH),
                "CHANTYPES=#",
                "CHATHISTORY=" + cfg.get(ServerConfigKeys.HISTORY_MAX),
                "ELIST=" + ListCommand.ELIST,
                "EXCEPTS=e",
                "INVEX=I",
                "KICKLEN=" + cfg.get(ServerConfigKeys.KICK_LENGTH),
                "MONITOR=" + MonitorRegistry.LIMIT,
                "NETWORK=" + cfg.get(ServerConfigKeys.NETWORK_NAME),
                "NICKLEN=" + cfg.get(ServerConfigKeys.NICK_LENGTH),
                "MODES=" + ModeCommands.MAX_PARAM_MODES,
                "MSGREFTYPES=timestamp,msgid",
                "PREFIX=(ov)@+",
                "STATUSMSG=@+",
                "TARGMAX=JOIN:,KICK:,NAMES:,NOTICE:" + MessageCommands.MAX_TARGETS + ",PART:,PRIVMSG:"
                        + MessageCommands.MAX_TARGETS + ",WHOIS:1",
                "TOPICLEN=" + cfg.get(ServerConfigKeys.TOPIC_LENGTH),
                "UTF8ONLY",
                "WHOX");
    }

    static void lusers(Session s) {
        ServerContext ctx = s.context();
        // The registry also holds nicks claimed by connections still registering: those are 253 only.
        int users = ctx.stats().registered();
        int unknown = Math.max(0, ctx.stats().connections() - users);
        int everyone = users;
        int servers = 1;
        if (ctx.cluster().on()) { // users of the other nodes are ghosts here: counted, with their nodes
            java.util.Set<String> nodes = new java.util.HashSet<>();
            for (org.chatroom.server.state.Client c : ctx.registry().clients()) {
                if (c.ghost()) {
                    everyone++;
                    nodes.add(c.node());
                }
            }
            servers += nodes.size();
        }
        s.reply(Numeric.RPL_LUSERCLIENT, "There are " + everyone + " users and 0 invisible on " + servers + " servers");
        if (unknown > 0) {
            s.reply(Numeric.RPL_LUSERUNKNOWN, Integer.toString(unknown));
        }
        s.reply(Numeric.RPL_LUSERCHANNELS, Integer.toString(ctx.registry().rooms().count()));
        s.reply(Numeric.RPL_LUSERME, "I have " + users + " clients and 0 servers");
        String max = Integer.toString(ctx.stats().peakConnections());
        s.replyText(Numeric.RPL_LOCALUSERS, "Current local users " + users + ", max " + max);
        s.replyText(Numeric.RPL_GLOBALUSERS, "Current global users " + everyone + ", max " + max);
    }

    static void motd(Session s) {
        List<String> lines = s.context().motd();
        if (lines == null) {
            s.reply(Numeric.ERR_NOMOTD);
            return;
        }
        String server = s.context().config().get(ServerConfigKeys.SERVER_NAME);
        s.reply(Numeric.RPL_MOTDSTART, "- " + server + " Message of the day - ");
        for (String line : lines) {
            s.reply(Numeric.RPL_MOTD, "- " + line);
        }
        s.reply(Numeric.RPL_ENDOFMOTD);
    }
}
