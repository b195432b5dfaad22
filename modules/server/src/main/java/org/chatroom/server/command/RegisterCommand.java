package org.chatroom.server.command;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.store.AccountRow;

/**
 * {@code REGISTER <account|*> <email|*> <password>} (IRCv3 draft/account-registration), before or
 * after registration. The account is named after the user's nick (so it owns that nick); no e-mail
 * is asked or verified. The password is hashed on the password pool and the account written by the
 * store's writer; the connection reads nothing meanwhile. Success logs the user in.
 */
final class RegisterCommand {
    private static final Logger LOG = LogManager.getLogger();
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 300;

    private RegisterCommand() {
    }

    static void register(CommandDispatcher d) {
        d.add("REGISTER", 3, true, RegisterCommand::handle);
    }

    private static void handle(Session s, IrcMessage m) {
        String nick = s.client().nick();
        String name = m.param(0).equals("*") ? nick : m.param(0);
        String policy = s.context().config().get(ServerConfigKeys.ACCOUNT_REGISTRATION);
        if (!"open".equals(policy)) {
            fail(s, "DISALLOWED", name, policy.equals("admin") ? "Accounts are created by the administrator only"
                    : "Account registration is off");
            return;
        }
        if (s.client().account() != null) {
            fail(s, "ALREADY_AUTHENTICATED", name, "You are already logged in as " + s.client().account());
            return;
        }
        if (nick.equals("*")) {
            fail(s, "NEED_NICK", name, "Choose a nick first: the account is named after it");
            return;
        }
        if (!ChatRegistry.MAPPING.equals(name, nick)) {
            fail(s, "ACCOUNT_NAME_MUST_BE_NICK", name, "The account must be named after your current nick");
            return;
        }
        if (!NameRules.isValidNick(name, s.context().config().get(ServerConfigKeys.NICK_LENGTH))) {
            fail(s, "BAD_ACCOUNT_NAME", name, "That is not a valid account name");
            return;
        }
        String password = m.param(2);
        if (password.length() < MIN_PASSWORD) {
            fail(s, "WEAK_PASSWORD", name, "Passwords have at least " + MIN_PASSWORD + " characters");
            return;
        }
        if (password.length() > MAX_PASSWORD || password.equals(name)) {
            fail(s, "UNACCEPTABLE_PASSWORD", name, "That password cannot be used");
            return;
        }
        s.await(s.context().passwords().hash(password), (hash, hashError) -> {
            if (hashError != null) {
                fail(s, "TEMPORARILY_UNAVAILABLE", name, "Too many requests; try again in a moment");
                return;
            }
            AccountRow row = new AccountRow(name, hash.toString(), System.currentTimeMillis());
            s.await(s.context().store().addAccount(row), (added, storeError) -> {
                if (storeError != null) {
                    LOG.warn("cannot create the account {}: {}", name, storeError.getMessage());
                    fail(s, "TEMPORARILY_UNAVAILABLE", name, "Accounts cannot be created right now; try again later");
                } else if (!added) {
                    fail(s, "ACCOUNT_EXISTS", name, "That account already exists");
                } else {
                    LOG.info("{} ({}) registered the account {}", s.client().nick(), s.client().address(), name);
                    s.send(IrcMessage.from(server(s), "REGISTER", "SUCCESS", name, "Account created"));
                    AccountLogin.logIn(s, name, "REGISTER");
                }
            });
        });
    }

    private static String server(Session s) {
        return s.context().config().get(ServerConfigKeys.SERVER_NAME);
    }

    /** A plain standard-reply FAIL line (another change brings a shared helper for these). */
    private static void fail(Session s, String code, String account, String text) {
        s.send(IrcMessage.from(server(s), "FAIL", "REGISTER", code, account, text));
    }
}
