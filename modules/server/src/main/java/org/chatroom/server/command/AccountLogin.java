package org.chatroom.server.command;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Client;

/** Marks a user logged in to an account and says so (900), whichever way they proved it. */
final class AccountLogin {
    private static final Logger LOG = LogManager.getLogger();

    private AccountLogin() {
    }

    static void logIn(Session s, String account, String how) {
        Client c = s.client();
        c.account(account);
        LOG.info("{} ({}) logged in as {} ({})", c.nick(), c.address(), account, how);
        s.replyText(Numeric.RPL_LOGGEDIN, "You are now logged in as " + account, c.prefix(), account);
        if (c.registered()) { // a server ban on $a:NAME applies at once, as it would have at registration
            String refusal = s.context().admission().refusalReason(c);
            if (refusal != null) {
                LOG.info("{} ({}) dropped at login: {}", c.nick(), c.address(), refusal);
                s.replyText(Numeric.ERR_YOUREBANNEDCREEP, Numeric.ERR_YOUREBANNEDCREEP.text() + ": " + refusal);
                s.quit("Banned: " + refusal);
                return;
            }
        }
        if (c.registered()) { // account-notify: the peers who asked see the login
            OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), "ACCOUNT", account));
            for (Client peer : s.context().registry().audienceOf(c)) {
                if (peer.has(Cap.ACCOUNT_NOTIFY)) {
                    peer.send(line);
                }
            }
        }
        RoomOwnership.loggedIn(s); // op in the rooms it registered that the user is in already
        if (c.registered()) { // before registration the welcome comes first: ChatSession plays them then
            PrivateHistory.playWaiting(s);
        }
    }
}
