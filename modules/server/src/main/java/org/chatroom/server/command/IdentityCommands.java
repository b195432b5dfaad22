package org.chatroom.server.command;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Client;

/**
 * Changes of who a user appears to be, told to the peers that asked: SETNAME (IRCv3 setname, the
 * real name) and CHGHOST (a server operator gives a user another host; IRCv3 chghost).
 */
final class IdentityCommands {
    private static final Logger LOG = LogManager.getLogger();
    private static final int MAX_HOST_LENGTH = 63;

    private IdentityCommands() {
    }

    static void register(CommandDispatcher d) {
        d.add("SETNAME", 1, false, IdentityCommands::setname);
        d.add("CHGHOST", 2, false, IdentityCommands::chghost);
    }

    private static void setname(Session s, IrcMessage m) {
        Client c = s.client();
        String real = m.param(0);
        if (real.isBlank() || real.length() > RegistrationCommands.MAX_REALNAME_LENGTH) {
            StandardReplies.fail(s, "SETNAME", "INVALID_REALNAME",
                    "Real name must be 1-" + RegistrationCommands.MAX_REALNAME_LENGTH + " characters");
            return;
        }
        c.realName(real);
        tell(s, c, Cap.SETNAME, OutboundLine.of(IrcMessage.from(c.prefix(), "SETNAME", real)));
    }

    private static void chghost(Session s, IrcMessage m) {
        Client c = s.client();
        if (!c.serverOperator()) {
            s.reply(Numeric.ERR_NOPRIVILEGES);
            return;
        }
        Client target = s.context().registry().byNick(m.param(0));
        if (target == null) {
            s.reply(Numeric.ERR_NOSUCHNICK, m.param(0));
            return;
        }
        String host = m.param(1);
        if (!validHost(host)) {
            StandardReplies.failOrNotice(s, "CHGHOST", "INVALID_HOST", "A host is 1-" + MAX_HOST_LENGTH
                    + " letters, digits, '.', '-', ':' and '/', not starting with ':' or '-'", host);
            return;
        }
        String oldPrefix = target.prefix();
        String user = target.user();
        s.context().registry().changeHost(target, user, host);
        LOG.info("{} changed the host of {} to {}", c.nick(), target.nick(), host);
        tell(s, target, Cap.CHGHOST, OutboundLine.of(IrcMessage.from(oldPrefix, "CHGHOST", user, host)));
        if (!target.has(Cap.CHGHOST)) {
            target.send(IrcMessage.from(server(s), "NOTICE", target.nick(), "Your host is now " + host));
        }
        if (target != c) {
            s.send(IrcMessage.from(server(s), "NOTICE", c.nick(), target.nick() + "'s host is now " + host));
        }
    }

    /** To {@code who} and everyone sharing a room with it, if they negotiated {@code cap}. */
    private static void tell(Session s, Client who, Cap cap, OutboundLine line) {
        if (who.has(cap)) {
            who.send(line);
        }
        for (Client peer : s.context().registry().audienceOf(who)) {
            if (peer.has(cap)) {
                peer.send(line);
            }
        }
    }

    static boolean validHost(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH || host.charAt(0) == ':' || host.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char ch = host.charAt(i);
            boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '.' || ch == '-' || ch == ':' || ch == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String server(Session s) {
        return s.context().config().get(org.chatroom.server.config.ServerConfigKeys.SERVER_NAME);
    }
}
