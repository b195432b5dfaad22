package org.chatroom.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A registered account owns its nick: others are told, then renamed after the grace unless they log in. */
@Timeout(60)
class NickOwnershipTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket().with(Map.of("account.nick.grace", "1s"));

    @BeforeEach
    void anAccount() throws Exception {
        fx.start();
        try (AdminTestClient a = fx.admin()) {
            a.call("account add kim kims-password");
        }
    }

    @Test
    void someoneOnARegisteredNickIsToldAndRenamed() throws Exception {
        try (IrcTestClient watcher = fx.user("watcher");
             IrcTestClient c = fx.user("kim")) {
            c.awaitContains(" NOTICE kim :The nick kim belongs to the account kim: log in to it (SASL) within 1 s"
                    + " or you will be renamed");
            String rename = c.awaitLine(l -> l.startsWith(":kim!") && l.contains(" NICK :Guest")
                    || l.startsWith(":kim!") && l.contains(" NICK Guest"));
            String guest = rename.substring(rename.lastIndexOf(' ') + 1).replace(":", "");
            assertThat(guest).matches("Guest\\d{4}");
            c.awaitContains(" NOTICE " + guest + " :You did not log in to the account kim in time: you are now " + guest);
            watcher.awaitContains(":kim!~kim@127.0.0.1 NICK ");
        }
    }

    @Test
    void takingTheNickLaterCountsToo() throws Exception {
        try (IrcTestClient c = fx.user("lee")) {
            c.send("NICK KIM");
            c.awaitContains(" NOTICE KIM :The nick KIM belongs to the account kim");
            c.awaitLine(l -> l.startsWith(":KIM!") && l.contains(" NICK ") && l.contains("Guest"));
        }
    }

    @Test
    void loggingInWithinTheGraceKeepsTheNickAndPeersWithAccountNotifySeeIt() throws Exception {
        try (IrcTestClient peer = fx.connect()) {
            peer.send("CAP REQ :account-notify");
            peer.send("NICK peer");
            peer.send("USER peer 0 * :Peer");
            peer.send("CAP END");
            peer.awaitContains(" 366 peer #lobby ");
            try (IrcTestClient c = fx.user("kim")) {
                c.awaitContains(" NOTICE kim :The nick kim belongs to the account kim");
                c.send("AUTHENTICATE PLAIN");
                c.send("AUTHENTICATE " + Sasl.plain("", "kim", "kims-password"));
                c.awaitContains(" 903 kim ");
                peer.awaitContains(":kim!~kim@127.0.0.1 ACCOUNT kim");
                // past the grace (1 s): a later PING round trip, then no rename
                org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofMillis(1500))
                        .atMost(java.time.Duration.ofSeconds(5)).until(() -> true);
                c.sync();
                assertThat(c.lines()).noneMatch(l -> l.contains(" NICK ") && l.contains("Guest"));
            }
        }
    }

    @Test
    void theOwnerLoggedInBeforeRegistrationIsNotWarned() throws Exception {
        try (IrcTestClient c = fx.connect()) {
            c.send("CAP REQ :sasl");
            c.send("NICK kim");
            c.send("USER kim 0 * :Kim");
            c.send("AUTHENTICATE PLAIN");
            c.send("AUTHENTICATE " + Sasl.plain("", "kim", "kims-password"));
            c.awaitContains(" 903 kim ");
            c.send("CAP END");
            c.awaitContains(" 366 kim #lobby ");
            c.sync();
            assertThat(c.lines()).noneMatch(l -> l.contains("belongs to the account"));
        }
    }
}
