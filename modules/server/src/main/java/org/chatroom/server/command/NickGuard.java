package org.chatroom.server.command;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;

/**
 * A registered account owns the nick of its name: whoever else is on it (at registration or after
 * a NICK) is told with a NOTICE and, unless logged in to that account within
 * {@code account.nick.grace}, renamed to a guest nick. The account is looked up in the store off
 * the lane without pausing the connection (nothing the user sends next depends on the answer); the
 * answer and the timer run on the user's lane, and re-check that the user still holds the nick.
 */
final class NickGuard {
    private static final Logger LOG = LogManager.getLogger();

    private NickGuard() {
    }

    static void check(Session s) {
        Client c = s.client();
        String nick = c.nick();
        if (owns(c, nick)) {
            return;
        }
        s.context().store().account(nick).whenComplete((found, error) -> c.lane().execute(() -> {
            if (error != null) {
                LOG.warn("cannot tell whether the nick {} is an account's: {}", nick, error.getMessage());
                return;
            }
            if (found.isEmpty() || s.context().registry().byNick(nick) != c || owns(c, nick)) {
                return;
            }
            Duration grace = s.context().config().get(ServerConfigKeys.ACCOUNT_NICK_GRACE);
            String account = found.get().name();
            s.send(IrcMessage.from(server(s), "NOTICE", c.nick(), "The nick " + nick + " belongs to the account "
                    + account + ": log in to it (SASL) within " + describe(grace) + " or you will be renamed"));
            c.lane().schedule(() -> expire(s, nick, account), grace);
        }));
    }

    private static void expire(Session s, String nick, String account) {
        Client c = s.client();
        if (s.context().registry().byNick(nick) != c || owns(c, nick)) {
            return; // gone, renamed, or logged in meanwhile
        }
        String guest = toGuest(s);
        if (guest != null) {
            LOG.info("{} renamed to {}: the nick belongs to the account {}", nick, guest, account);
            s.send(IrcMessage.from(server(s), "NOTICE", guest, "You did not log in to the account " + account
                    + " in time: you are now " + guest));
        }
    }

    /** Renames the session's user to a free guest nick ({@code Guest1234}); the nick, or null if none was free. */
    static String toGuest(Session s) {
        int max = s.context().config().get(ServerConfigKeys.NICK_LENGTH);
        for (int attempt = 0; attempt < 20; attempt++) {
            int digits = Math.min(max - 5, 4 + attempt / 5);
            String guest = "Guest" + ThreadLocalRandom.current().nextLong((long) Math.pow(10, digits - 1),
                    (long) Math.pow(10, digits));
            if (RegistrationCommands.changeNick(s, guest)) {
                return guest;
            }
        }
        LOG.warn("no free guest nick for {}", s.client().nick());
        return null;
    }

    private static boolean owns(Client c, String nick) {
        return c.account() != null && ChatRegistry.MAPPING.equals(c.account(), nick);
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s >= 1 ? s + " s" : d.toMillis() + " ms";
    }

    private static String server(Session s) {
        return s.context().config().get(ServerConfigKeys.SERVER_NAME);
    }
}
