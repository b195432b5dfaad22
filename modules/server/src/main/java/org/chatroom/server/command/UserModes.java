package org.chatroom.server.command;

import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;

/** MODE on a nick: only one's own, +i/-i and +B/-B (IRCv3 bot-mode), -o; reading them, 221. */
final class UserModes {
    private UserModes() {
    }

    static void handle(Session s, IrcMessage m) {
        String target = m.param(0);
        Client c = s.client();
        if (!ChatRegistry.MAPPING.equals(target, c.nick())) {
            s.reply(s.context().registry().byNick(target) == null ? Numeric.ERR_NOSUCHNICK : Numeric.ERR_USERSDONTMATCH,
                    target);
            return;
        }
        if (m.params().size() == 1) {
            s.reply(Numeric.RPL_UMODEIS, describe(c));
            return;
        }
        String modes = m.param(1);
        boolean adding = true;
        Boolean invisible = null;
        Boolean bot = null;
        for (int i = 0; i < modes.length(); i++) {
            char ch = modes.charAt(i);
            if (ch == '+' || ch == '-') {
                adding = ch == '+';
            } else if (ch == 'i') {
                invisible = adding;
            } else if (ch == 'B') {
                bot = adding;
            } else if (ch == 'o' && !adding) {
                c.serverOperator(false); // anyone may drop operator status; gaining it takes OPER
            } else {
                s.reply(Numeric.ERR_UMODEUNKNOWNFLAG);
                return;
            }
        }
        StringBuilder changed = new StringBuilder();
        if (invisible != null && invisible != c.invisible()) {
            c.invisible(invisible);
            changed.append(invisible ? "+i" : "-i");
        }
        if (bot != null && bot != c.bot()) {
            c.bot(bot);
            changed.append(bot ? "+B" : "-B");
        }
        if (changed.length() > 0) {
            s.context().cluster().userChanged(c);
            s.send(IrcMessage.from(c.prefix(), "MODE", c.nick(), changed.toString()));
        }
    }

    static String describe(Client c) {
        return "+" + (c.bot() ? "B" : "") + (c.invisible() ? "i" : "") + (c.serverOperator() ? "o" : "");
    }
}
