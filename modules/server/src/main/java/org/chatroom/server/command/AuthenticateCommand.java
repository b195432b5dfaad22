package org.chatroom.server.command;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.store.AccountRow;

/**
 * {@code AUTHENTICATE} (IRCv3 SASL 3.1, mechanism PLAIN), before or after registration. The account
 * is read from the store and the password checked on the password pool; this connection reads
 * nothing meanwhile (both through {@link Session#await} / {@link Session#verifyPassword}).
 */
final class AuthenticateCommand {
    private static final Logger LOG = LogManager.getLogger();
    private static final int CHUNK = 400;

    private AuthenticateCommand() {
    }

    static void register(CommandDispatcher d) {
        d.add("AUTHENTICATE", 1, true, AuthenticateCommand::authenticate);
    }

    private static void authenticate(Session s, IrcMessage m) {
        SaslExchange x = s.registration().sasl();
        String arg = m.param(0);
        if (arg.equals("*")) {
            if (x.mechanism() != null) {
                x.reset();
                s.reply(Numeric.ERR_SASLABORTED);
            } else {
                s.reply(Numeric.ERR_SASLFAIL);
            }
            return;
        }
        if (x.mechanism() == null) {
            if (s.client().account() != null) {
                s.reply(Numeric.ERR_SASLALREADY);
            } else if (!arg.equalsIgnoreCase("PLAIN")) {
                s.reply(Numeric.RPL_SASLMECHS, "PLAIN");
                s.reply(Numeric.ERR_SASLFAIL);
            } else {
                x.start("PLAIN");
                s.send(IrcMessage.of("AUTHENTICATE", "+"));
            }
            return;
        }
        if (arg.length() > CHUNK || !x.append(arg.equals("+") ? "" : arg)) {
            x.reset();
            s.reply(Numeric.ERR_SASLTOOLONG);
            return;
        }
        if (arg.length() == CHUNK) {
            return; // more to come
        }
        plain(s, x.finish());
    }

    private static void plain(Session s, String base64) {
        String[] f;
        try {
            f = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8).split("\0", -1);
        } catch (IllegalArgumentException e) {
            s.reply(Numeric.ERR_SASLFAIL);
            return;
        }
        if (f.length != 3 || f[1].isEmpty() || (!f[0].isEmpty() && !f[0].equals(f[1]))) {
            s.reply(Numeric.ERR_SASLFAIL); // authzid other than authcid: nobody may act as another account
            return;
        }
        String name = f[1];
        String password = f[2];
        s.await(s.context().store().account(name), (found, error) -> {
            if (error != null) {
                LOG.warn("SASL for {}: cannot read the account: {}", name, error.getMessage());
                s.reply(Numeric.ERR_SASLFAIL);
                return;
            }
            if (found.isEmpty()) {
                failed(s, name, "no such account");
                return;
            }
            AccountRow account = found.get();
            s.verifyPassword(PasswordHash.parse(account.passwordHash()), password, ok -> {
                if (!ok) {
                    failed(s, name, "wrong password");
                    return;
                }
                if (s.client().account() != null) {
                    s.reply(Numeric.ERR_SASLALREADY); // a second exchange raced the first
                    return;
                }
                AccountLogin.logIn(s, account.name(), "SASL PLAIN");
                s.reply(Numeric.RPL_SASLSUCCESS);
            });
        });
    }

    private static void failed(Session s, String name, String why) {
        LOG.info("{} SASL login as {} failed: {}", s.client().address(), name, why);
        s.reply(Numeric.ERR_SASLFAIL);
    }
}
