package org.chatroom.server.accounts;

import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The $a:ACCOUNT mask, in a room's +b list and as a server ban, whatever nick the account uses. */
@Timeout(60)
class AccountBanTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    @BeforeEach
    void anAccount() throws Exception {
        fx.start();
        try (AdminTestClient a = fx.admin()) {
            a.call("account add mona monas-password");
        }
    }

    private static void logIn(IrcTestClient c, String nick) throws Exception {
        c.send("AUTHENTICATE PLAIN");
        c.send("AUTHENTICATE " + Sasl.plain("", "mona", "monas-password"));
        c.awaitContains(" 903 " + nick + " ");
    }

    @Test
    void aRoomBanOnTheAccountStopsItUnderAnyNick() throws Exception {
        try (IrcTestClient op = fx.user("op");
             IrcTestClient m = fx.user("someone")) {
            op.send("JOIN #den");
            op.awaitContains(" 366 op #den ");
            op.send("MODE #den +b $a:mona");
            op.awaitContains("MODE #den +b :$a:mona");
            m.send("JOIN #den");
            m.awaitContains(" 366 someone #den "); // not logged in: the mask does not match
            m.send("PART #den");
            logIn(m, "someone");
            m.send("JOIN #den");
            m.awaitContains(" 474 someone #den ");
        }
    }

    @Test
    void aServerBanOnTheAccountRefusesItAtRegistrationAndDropsItAtLogin() throws Exception {
        try (AdminTestClient a = fx.admin()) {
            a.call("ban $a:mona 1h no more");
        }
        try (IrcTestClient c = fx.connect()) {
            c.send("CAP REQ :sasl");
            c.send("NICK other");
            c.send("USER o 0 * :O");
            logIn(c, "other");
            c.send("CAP END");
            c.awaitContains(" 465 other :You are banned from this server: no more");
            c.awaitClosed();
        }
        try (IrcTestClient c = fx.user("later")) {
            c.send("AUTHENTICATE PLAIN");
            c.send("AUTHENTICATE " + Sasl.plain("", "mona", "monas-password"));
            c.awaitContains(" 465 later :You are banned from this server: no more");
            c.awaitClosed();
        }
    }
}
