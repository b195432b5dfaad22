package org.chatroom.server.command;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.StringJoiner;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.state.Client;

/** WHOIS, AWAY, ISON, USERHOST, LUSERS, MOTD, VERSION and TIME. */
final class QueryCommands {
    private QueryCommands() {
    }

    static void register(CommandDispatcher d) {
        d.add("WHOIS", 1, false, QueryCommands::whois);
        d.add("AWAY", 0, false, QueryCommands::away);
        d.add("ISON", 1, false, QueryCommands::ison);
        d.add("USERHOST", 1, false, QueryCommands::userhost);
        d.add("LUSERS", 0, false, (s, m) -> Welcome.lusers(s));
        d.add("MOTD", 0, false, (s, m) -> Welcome.motd(s));
        d.add("VERSION", 0, false, (s, m) -> s.reply(Numeric.RPL_VERSION, "chatroom-" + s.context().version(),
                server(s), "Chatroom IRC daemon"));
        d.add("TIME", 0, false, (s, m) -> s.reply(Numeric.RPL_TIME, server(s),
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())));
    }

    private static String server(Session s) {
        return s.context().config().get(ServerConfigKeys.SERVER_NAME);
    }

    private static void whois(Session s, IrcMessage m) {
        String nick = m.params().size() > 1 ? m.param(1) : m.param(0);
        Client c = s.context().registry().byNick(nick);
        if (c == null) {
            s.reply(Numeric.ERR_NOSUCHNICK, nick);
            s.reply(Numeric.RPL_ENDOFWHOIS, nick);
            return;
        }
        // a user of another node may be in rooms nobody here is in: its node's entries in the directory say which
        java.util.concurrent.CompletableFuture<java.util.List<String>> elsewhere =
                s.context().cluster().roomsElsewhere(c, s.client().serverOperator());
        if (elsewhere == null) {
            whoisReply(s, c, java.util.List.of());
        } else {
            s.await(elsewhere, (rooms, error) -> whoisReply(s, c, rooms == null ? java.util.List.of() : rooms));
        }
    }

    /** The WHOIS lines of {@code c}; {@code elsewhere}: its rooms this node does not follow, as 319 lists them. */
    private static void whoisReply(Session s, Client c, java.util.List<String> elsewhere) {
        s.reply(Numeric.RPL_WHOISUSER, c.nick(), c.user(), c.host(), "*", c.realName());
        StringJoiner rooms = new StringJoiner(" ");
        c.rooms().forEach(r -> {
            if (r.hiddenFrom(s.client())) {
                return; // +s: only those in the room see that c is
            }
            org.chatroom.server.state.Membership ms = r.membership(c);
            rooms.add((ms == null ? "" : ms.prefix(false)) + r.name());
        });
        elsewhere.forEach(rooms::add);
        if (rooms.length() > 0) {
            s.reply(Numeric.RPL_WHOISCHANNELS, c.nick(), rooms.toString());
        }
        s.reply(Numeric.RPL_WHOISSERVER, c.nick(), server(s), s.context().config().get(ServerConfigKeys.NETWORK_NAME));
        if (c.serverOperator()) {
            s.reply(Numeric.RPL_WHOISOPERATOR, c.nick());
        }
        if (c.bot()) {
            String network = s.context().config().get(ServerConfigKeys.NETWORK_NAME);
            s.reply(Numeric.RPL_WHOISBOT, c.nick(), "is a bot on " + network);
        }
        if (c.away() != null) {
            s.reply(Numeric.RPL_AWAY, c.nick(), c.away());
        }
        long idle = (System.currentTimeMillis() - c.lastMessageAtMillis()) / 1000;
        String account = c.account();
        if (account != null) {
            s.reply(Numeric.RPL_WHOISACCOUNT, c.nick(), account);
        }
        s.reply(Numeric.RPL_WHOISIDLE, c.nick(), Long.toString(idle), Long.toString(c.connectedAtMillis() / 1000));
        s.reply(Numeric.RPL_ENDOFWHOIS, c.nick());
    }

    private static void away(Session s, IrcMessage m) {
        String text = m.param(0);
        Client c = s.client();
        if (text == null || text.isEmpty()) {
            c.away(null);
            s.reply(Numeric.RPL_UNAWAY);
        } else {
            c.away(RegistrationCommands.truncate(text, s.context().config().get(ServerConfigKeys.AWAY_LENGTH)));
            s.reply(Numeric.RPL_NOWAWAY);
        }
        s.context().cluster().userChanged(c);
        IrcMessage notice = c.away() == null ? IrcMessage.from(c.prefix(), "AWAY")
                : IrcMessage.from(c.prefix(), "AWAY", c.away());
        OutboundLine line = OutboundLine.of(notice);
        java.util.Set<Client> peers = s.context().registry().audienceOf(c);
        for (Client peer : peers) { // IRCv3 away-notify
            if (peer.has(Cap.AWAY_NOTIFY)) {
                peer.send(line);
            }
        }
        MonitorCommands.relayToWatchers(s.context(), c, Cap.AWAY_NOTIFY, line, peers);
    }

    private static void ison(Session s, IrcMessage m) {
        StringJoiner online = new StringJoiner(" ");
        for (String p : m.params()) {
            for (String nick : p.split(" ")) {
                Client c = nick.isEmpty() ? null : s.context().registry().byNick(nick);
                if (c != null) {
                    online.add(c.nick());
                }
            }
        }
        s.reply(Numeric.RPL_ISON, online.toString());
    }

    private static void userhost(Session s, IrcMessage m) {
        StringJoiner out = new StringJoiner(" ");
        for (int i = 0; i < m.params().size() && i < 5; i++) {
            Client c = s.context().registry().byNick(m.param(i));
            if (c != null) {
                out.add(c.nick() + "=" + (c.away() == null ? "+" : "-") + c.user() + "@" + c.host());
            }
        }
        s.reply(Numeric.RPL_USERHOST, out.toString());
    }
}
