package org.chatroom.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SASL PLAIN against accounts in the database, before and after registration, and every failure numeric. */
@Timeout(60)
class SaslTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    @BeforeEach
    void anAccount() throws Exception {
        fx.start();
        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("account add erin \"s3cret pass\"").body()).containsExactly("account erin created");
        }
    }

    @Test
    void plainLogsInBeforeRegistration() throws Exception {
        try (IrcTestClient c = fx.connect()) {
            c.send("CAP LS 302");
            c.send("CAP REQ :sasl");
            c.awaitContains(" CAP * ACK :sasl");
            c.send("NICK erin");
            c.send("USER erin 0 * :Erin");
            c.send("AUTHENTICATE PLAIN");
            c.awaitLine(l -> l.equals("AUTHENTICATE +"));
            c.send("AUTHENTICATE " + Sasl.plain("", "ERIN", "s3cret pass"));
            c.awaitContains(" 900 erin erin!~erin@127.0.0.1 erin :You are now logged in as erin");
            c.awaitContains(" 903 erin :SASL authentication successful");
            assertThat(c.received(" 001 ")).as("registration waits for CAP END").isFalse();
            c.send("CAP END");
            c.awaitContains(" 001 erin ");
            c.send("AUTHENTICATE PLAIN");
            c.awaitContains(" 907 erin :You have already authenticated using SASL");
        }
    }

    @Test
    void plainAfterRegistrationAndEachFailure() throws Exception {
        try (IrcTestClient c = fx.user("guest1")) {
            c.send("AUTHENTICATE SCRAM-SHA-256");
            c.awaitContains(" 908 guest1 PLAIN :are available SASL mechanisms");
            c.awaitContains(" 904 guest1 :SASL authentication failed");
            c.clear();
            c.send("AUTHENTICATE PLAIN");
            c.awaitLine(l -> l.equals("AUTHENTICATE +"));
            c.send("AUTHENTICATE *");
            c.awaitContains(" 906 guest1 :SASL authentication aborted");
            c.send("AUTHENTICATE PLAIN");
            c.send("AUTHENTICATE " + Sasl.plain("", "erin", "wrong"));
            c.awaitContains(" 904 guest1 ");
            c.clear();
            c.send("AUTHENTICATE PLAIN");
            c.send("AUTHENTICATE " + Sasl.plain("", "nobody", "s3cret pass"));
            c.awaitContains(" 904 guest1 ");
            c.clear();
            c.send("AUTHENTICATE PLAIN");
            c.send("AUTHENTICATE " + Sasl.plain("admin", "erin", "s3cret pass"));
            c.awaitContains(" 904 guest1 "); // acting as another account
            c.clear();
            c.send("AUTHENTICATE PLAIN");
            c.send("AUTHENTICATE " + "A".repeat(401));
            c.awaitContains(" 905 guest1 :SASL message too long");
            c.clear();
            c.send("AUTHENTICATE PLAIN");
            c.send("AUTHENTICATE " + Sasl.plain("erin", "erin", "s3cret pass"));
            c.awaitContains(" 903 guest1 ");
            c.send("WHOIS guest1");
            c.awaitContains(" 330 guest1 guest1 erin :is logged in as");
        }
    }

    @Test
    void linesSentDuringTheCheckAreHandledAfterItInOrder() throws Exception {
        try (IrcTestClient c = fx.user("frank")) {
            c.send("AUTHENTICATE PLAIN");
            c.awaitLine(l -> l.equals("AUTHENTICATE +"));
            c.send("AUTHENTICATE " + Sasl.plain("", "erin", "s3cret pass") + "\r\nPING :after");
            String pong = c.awaitContains("PONG ");
            assertThat(c.lines().indexOf(pong)).isGreaterThan(c.lines().indexOf(c.awaitContains(" 903 frank ")));
        }
    }
}
