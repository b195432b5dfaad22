package org.chatroom.server.admin;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.AdminTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ban, unban and bans: online users dropped, refused at registration, expiry, and the file across restarts. */
@Timeout(60)
class BanTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    @BeforeEach
    void setUp() throws Exception {
        fx.start();
    }


    /** Registers {@code nick} and returns the 465 line, or fails if it got in. */
    private String refusal(String nick) throws Exception {
        try (IrcTestClient c = new IrcTestClient(fx.port())) {
            c.send("NICK " + nick);
            c.send("USER " + nick + " 0 * :" + nick);
            String line = c.awaitLine(l -> l.contains(" 465 ") || l.contains(" 001 "));
            assertThat(line).as(nick + " should be refused").contains(" 465 ");
            c.awaitContains("ERROR :Closing link:");
            c.awaitClosed();
            return line;
        }
    }

    @Test
    void banByNickDropsTheUserNowAndRefusesThemUntilUnban() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice");
             IrcTestClient troll = IrcTestClient.registered(fx.port(), "troll");
             AdminTestClient a = fx.admin()) {
            AdminTestClient.Reply r = a.call("ban troll flooding the room");
            assertThat(r.body()).containsExactly("banned troll!*@* for good (1 users disconnected)");
            troll.awaitContains(":chat.localhost KICK #lobby troll :Banned: flooding the room");
            troll.awaitClosed();
            alice.awaitContains("KICK #lobby troll :Banned: flooding the room");

            assertThat(refusal("TROLL")).endsWith(":You are banned from this server: flooding the room");
            assertThat(a.call("bans").body()).singleElement().asString()
                    .startsWith("mask=troll!*@* expires=never left=-1 set_at=")
                    .endsWith(" reason=flooding the room");

            assertThat(a.call("unban troll").body()).containsExactly("unbanned troll!*@*");
            try (IrcTestClient back = IrcTestClient.registered(fx.port(), "troll")) {
                assertThat(back.received(" 001 troll ")).isTrue();
            }
            assertThat(a.call("bans").body()).isEmpty();
        }
    }

    @Test
    void banByMaskWithExpiryEndsByItself() throws Exception {
        try (AdminTestClient a = fx.admin()) {
            AdminTestClient.Reply r = a.call("ban *!*@127.0.0.* 2s cooling off");
            assertThat(r.body()).containsExactly("banned *!*@127.0.0.* for 2s (0 users disconnected)");
            assertThat(refusal("anyone")).contains(":You are banned from this server: cooling off (until ");
            assertThat(a.call("bans --json").body().get(0)).startsWith("[{\"mask\":\"*!*@127.0.0.*\"");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> a.call("bans").body().isEmpty());
            try (IrcTestClient c = IrcTestClient.registered(fx.port(), "anyone")) {
                assertThat(c.received(" 001 anyone ")).isTrue();
            }
        }
    }

    @Test
    void nickUserHostMaskOnlyHitsWhatMatches() throws Exception {
        try (IrcTestClient bob = IrcTestClient.registered(fx.port(), "bob");
             IrcTestClient bot = IrcTestClient.registered(fx.port(), "spambot7");
             AdminTestClient a = fx.admin()) {
            assertThat(a.call("ban spambot?!*@127.0.0.1 1h").body()).containsExactly(
                    "banned spambot?!*@127.0.0.1 for 1h00m (1 users disconnected)");
            bot.awaitClosed();
            bob.sync();
            assertThat(bob.isClosed()).isFalse();
            refusal("spambot8");
        }
    }

    @Test
    void bansSurviveARestart() throws Exception {
        try (AdminTestClient a = fx.admin()) {
            a.call("ban mallory 7d impersonation");
            a.call("ban 192.0.2.66");
        }
        assertThat(fx.data().resolve(BanStore.FILE_NAME)).exists();
        assertThat(Files.readString(fx.data().resolve(BanStore.FILE_NAME)))
                .contains("mallory!*@*\t").contains("\timpersonation\n").contains("*!*@192.0.2.66\t0\t");
        try (var tmp = Files.list(fx.data())) {
            assertThat(tmp).as("no temporary file left").hasSize(1);
        }
        fx.server().close();
        fx.start();
        assertThat(refusal("mallory")).contains(":You are banned from this server: impersonation (until 20");
        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("bans").body()).hasSize(2).anyMatch(l -> l.startsWith("mask=mallory!*@* expires=20"))
                    .anyMatch(l -> l.startsWith("mask=*!*@192.0.2.66 expires=never"));
        }
    }

    @Test
    void aDurationShapedTypoIsAnErrorNotAPermanentBan() throws Exception {
        try (AdminTestClient a = fx.admin()) {
            AdminTestClient.Reply huge = a.call("ban foo 999999999999999999d x");
            assertThat(huge.status()).isEqualTo("ERR 106 '999999999999999999d' is too long a duration (at most 1000000d);"
                    + " for a ban without end write 0, forever or permanent");
            AdminTestClient.Reply typo = a.call("ban troll 5x");
            assertThat(typo.status()).startsWith("ERR 106 '5x' is not a duration (");
            assertThat(a.call("ban troll 30").status()).startsWith("ERR 106 '30' has no unit");
            assertThat(a.call("ban troll 0s").status()).startsWith("ERR 106 a ban of 0s would end at once");
            assertThat(a.call("bans").body()).as("nothing was banned").isEmpty();
        }
    }

    @Test
    void zeroForeverAndPermanentMeanWithoutEnd() throws Exception {
        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("ban one 0 spam").body()).containsExactly("banned one!*@* for good (0 users disconnected)");
            assertThat(a.call("ban two forever spam").body()).containsExactly("banned two!*@* for good (0 users disconnected)");
            assertThat(a.call("ban three PERMANENT").body()).containsExactly("banned three!*@* for good (0 users disconnected)");
            assertThat(a.call("ban four 1h30m").body()).containsExactly("banned four!*@* for 1h30m (0 users disconnected)");
            assertThat(a.call("bans").body()).filteredOn(l -> l.contains("expires=never")).hasSize(3)
                    .allMatch(l -> !l.contains("reason=0") && !l.contains("reason=forever"));
        }
    }

    @Test
    void aMaskWithNoNickUserOrHostIsRefused() throws Exception {
        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("ban !!!@@@").status()).startsWith("ERR 106 '!!!@@@' is not a mask: ");
            assertThat(a.call("bans").body()).isEmpty();
        }
    }
}
