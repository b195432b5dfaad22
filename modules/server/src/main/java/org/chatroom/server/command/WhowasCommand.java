package org.chatroom.server.command;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.state.WhowasHistory;

/** WHOWAS nick [count]: 314 and 312 per remembered use of the nick, newest first, then 369; 406 if none. */
final class WhowasCommand {
    private WhowasCommand() {
    }

    static void register(CommandDispatcher d) {
        d.add("WHOWAS", 1, false, WhowasCommand::whowas);
    }

    private static void whowas(Session s, IrcMessage m) {
        String nick = m.param(0);
        if (nick.isEmpty()) {
            s.reply(Numeric.ERR_NONICKNAMEGIVEN);
            return;
        }
        int count = m.params().size() > 1 ? count(m.param(1)) : 0;
        String server = s.context().config().get(ServerConfigKeys.SERVER_NAME);
        List<WhowasHistory.Entry> found = s.context().registry().whowas().find(nick, count);
        if (found.isEmpty()) {
            s.reply(Numeric.ERR_WASNOSUCHNICK, nick);
        }
        for (WhowasHistory.Entry e : found) {
            s.reply(Numeric.RPL_WHOWASUSER, e.nick(), e.user(), e.host(), "*", e.realName());
            s.reply(Numeric.RPL_WHOISSERVER, e.nick(), server,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(e.atMillis()).atZone(ZoneOffset.UTC)));
        }
        s.reply(Numeric.RPL_ENDOFWHOWAS, nick);
    }

    /** A positive number limits the replies; anything else (0, negative, not a number) asks for all. */
    private static int count(String text) {
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
