package org.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LineLimitsTest {
    private ChatServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void overlongLineGets417AndTheConnectionStays() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.send("PRIVMSG #lobby :" + "x".repeat(600));
            alice.awaitContains(" 417 alice :Input line was too long");
            String fits = "PRIVMSG #lobby :" + "y".repeat(510 - 16);
            assertThat(fits).hasSize(510);
            alice.send(fits);
            bob.awaitContains("y".repeat(494));
            assertThat(bob.received("xxxx")).isFalse();
            assertThat(server.stats().linesRefused()).isPositive();
        }
    }

    @Test
    void invalidUtf8IsRefusedWithAStandardReply() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.sendRaw(new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'l', 'o', 'b', 'b', 'y', ' ', ':',
                (byte) 0xC3, (byte) 0x28, '\r', '\n'});
            alice.awaitContains(" FAIL PRIVMSG INVALID_UTF8 :Message rejected, your IRC software MUST use UTF-8");
            alice.send("PRIVMSG #lobby :caf\u00e9 \u2615");
            bob.awaitContains("PRIVMSG #lobby :caf\u00e9 \u2615");
            assertThat(bob.lines().stream().filter(l -> l.contains(" PRIVMSG #lobby ")).count()).isEqualTo(1);
        }
    }

    @Test
    void aRealNameThatIsNotUtf8IsTakenWithTheBadBytesReplaced() throws Exception {
        try (IrcTestClient c = new IrcTestClient(server.port())) {
            c.send("NICK latin");
            byte[] user = "USER l 0 * :Jos\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1); // é as one byte: not UTF-8
            c.sendRaw(user);
            c.awaitContains(" WARN USER INVALID_UTF8 :");
            c.awaitContains(" 001 latin ");
            c.send("WHOIS latin");
            c.awaitContains(" 311 latin latin ~l 127.0.0.1 * :Jos\uFFFD");
        }
    }

    @Test
    void loneCarriageReturnAndNulCannotSmuggleLines() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.sendRaw("PRIVMSG #lobby :a\rQUIT :spoof\r\n".getBytes(StandardCharsets.UTF_8));
            alice.sendRaw("PRIVMSG #lobby :b\0c\r\n".getBytes(StandardCharsets.UTF_8));
            alice.awaitLine(l -> l.contains("NOTICE alice :Line dropped: it held a NUL or CR"));
            alice.send("PRIVMSG #lobby :marker");
            bob.awaitContains("PRIVMSG #lobby :marker");
            assertThat(bob.received("spoof")).isFalse();
            assertThat(bob.received("PRIVMSG #lobby :b")).isFalse();
        }
    }

    @Test
    void lineLimitIsConfigurable() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("max.line.bytes", "100"));
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice")) {
            alice.send("PRIVMSG #lobby :" + "z".repeat(90));
            alice.awaitContains(" 417 alice ");
        }
    }
}
