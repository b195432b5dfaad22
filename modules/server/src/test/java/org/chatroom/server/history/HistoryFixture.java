package org.chatroom.server.history;

import java.io.IOException;
import org.chatroom.server.accounts.Sasl;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.store.AccountRow;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;

/** Users for history tests: accounts made on the admin socket, clients that log in with SASL and ask for caps. */
final class HistoryFixture {
    private HistoryFixture() {
    }

    /** Makes the account straight in the daemon's store (what chat-admin account add does, without the socket). */
    static void account(ChatServerExtension fx, String name, String password) throws Exception {
        String hash = PasswordHash.create(password.toCharArray()).toString();
        fx.server().context().store().addAccount(new AccountRow(name, hash, System.currentTimeMillis()))
                .get(10, TimeUnit.SECONDS);
    }

    /** Connects as {@code nick}, asks for {@code caps} (space-separated; may be empty), logs in if {@code password} is set, registers. */
    static IrcTestClient connect(ChatServerExtension fx, String nick, String caps, String password) throws IOException {
        return connect(fx, nick, caps, nick, password);
    }

    /** Like {@link #connect(ChatServerExtension, String, String, String)}, logging in to {@code account}. */
    static IrcTestClient connect(ChatServerExtension fx, String nick, String caps, String account, String password)
            throws IOException {
        IrcTestClient c = fx.connect();
        c.send("CAP LS 302");
        String all = (caps + (password != null ? " sasl" : "")).strip();
        if (!all.isEmpty()) {
            c.send("CAP REQ :" + all);
            c.awaitContains(" CAP * ACK :");
        }
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
        if (password != null) {
            c.send("AUTHENTICATE PLAIN");
            try {
                c.awaitLine(l -> l.endsWith("AUTHENTICATE +"));
            } catch (RuntimeException e) {
                throw new AssertionError("no AUTHENTICATE +; saw " + c.lines(), e);
            }
            c.send("AUTHENTICATE " + Sasl.plain("", account, password));
            // a password check is slow on purpose (PBKDF2), slower still on a busy machine
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> c.received(" 903 "));
        }
        c.send("CAP END");
        c.awaitLine(l -> l.contains(" 366 " + nick + " #lobby "));
        return c;
    }
}
