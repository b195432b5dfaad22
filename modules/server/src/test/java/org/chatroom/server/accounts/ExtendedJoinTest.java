package org.chatroom.server.accounts;

import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** extended-join: who asked sees the joiner's account (or *) and real name; who did not, the plain JOIN. */
@Timeout(60)
class ExtendedJoinTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    @Test
    void joinsShowTheAccountToThoseWhoAsked() throws Exception {
        fx.start();
        try (AdminTestClient a = fx.admin()) {
            a.call("account add nora noras-password");
        }
        try (IrcTestClient ext = fx.connect();
             IrcTestClient plain = fx.user("plain")) {
            ext.send("CAP REQ :extended-join");
            ext.send("NICK ext");
            ext.send("USER ext 0 * :Ext");
            ext.send("CAP END");
            ext.awaitContains(" 366 ext #lobby ");
            ext.send("JOIN #den");
            ext.awaitContains(" 366 ext #den ");
            plain.send("JOIN #den");
            ext.awaitContains(":plain!~plain@127.0.0.1 JOIN #den * :plain Test");
            try (IrcTestClient nora = fx.user("nora")) {
                nora.send("AUTHENTICATE PLAIN");
                nora.send("AUTHENTICATE " + Sasl.plain("", "nora", "noras-password"));
                nora.awaitContains(" 903 nora ");
                nora.send("JOIN #den");
                ext.awaitContains(":nora!~nora@127.0.0.1 JOIN #den nora :nora Test");
                plain.awaitLine(l -> l.equals(":nora!~nora@127.0.0.1 JOIN #den")
                        || l.endsWith(":nora!~nora@127.0.0.1 JOIN #den"));
            }
        }
    }
}
