package org.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChatTest {
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
    void threeClientsChatInTheLobby() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob");
             IrcTestClient carol = IrcTestClient.registered(server.port(), "carol")) {
            alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
            alice.awaitContains(":carol!~carol@127.0.0.1 JOIN #lobby");
            alice.send("PRIVMSG #lobby :hello, everyone");
            bob.send("PRIVMSG #lobby :hi alice");
            carol.send("PRIVMSG #lobby :\u0001ACTION waves\u0001");
            bob.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG #lobby :hello, everyone");
            carol.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG #lobby :hello, everyone");
            alice.awaitContains(":bob!~bob@127.0.0.1 PRIVMSG #lobby :hi alice");
            alice.awaitContains(":carol!~carol@127.0.0.1 PRIVMSG #lobby :\u0001ACTION waves\u0001");
            bob.awaitContains("ACTION waves");
            alice.sync();
            assertThat(alice.received("PRIVMSG #lobby :hello, everyone")).as("no echo without echo-message").isFalse();
            assertThat(server.stats().messagesIn()).isPositive();
        }
    }

    @Test
    void echoMessageAndServerTimeWhenNegotiated() throws Exception {
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob");
             IrcTestClient alice = new IrcTestClient(server.port())) {
            alice.send("CAP LS 302");
            alice.send("CAP REQ :echo-message server-time");
            alice.send("NICK alice");
            alice.send("USER a 0 * :A");
            alice.send("CAP END");
            alice.awaitContains(" 366 alice #lobby ");
            alice.send("PRIVMSG #lobby :echo me");
            String echoed = alice.awaitContains("PRIVMSG #lobby :echo me");
            assertThat(echoed).matches("@time=\\S+Z :alice!~a@127.0.0.1 PRIVMSG #lobby :echo me");
            assertThat(bob.awaitContains("PRIVMSG #lobby :echo me")).startsWith(":alice!");
        }
    }

    @Test
    void privateMessagesAndTheirErrors() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.send("PRIVMSG Bob :psst");
            bob.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG bob :psst");
            alice.send("PRIVMSG nobody :hello?");
            alice.awaitContains(" 401 alice nobody :No such nick/channel");
            alice.send("PRIVMSG bob");
            alice.awaitContains(" 412 alice :No text to send");
            alice.send("PRIVMSG #nowhere :x");
            alice.awaitContains(" 403 alice #nowhere :No such channel");
            bob.send("AWAY :lunch");
            bob.awaitContains(" 306 bob ");
            alice.send("PRIVMSG bob :are you there");
            alice.awaitContains(" 301 alice bob :lunch");
            bob.send("AWAY");
            bob.awaitContains(" 305 bob ");
            alice.send("NOTICE nobody :quiet");
            alice.sync();
            assertThat(alice.lines().stream().filter(l -> l.contains(" 401 ")).count()).as("NOTICE gets no errors")
                    .isEqualTo(1);
        }
    }

    @Test
    void outsidersCannotTalkIntoARoom() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.send("JOIN #private");
            alice.awaitContains("JOIN #private");
            bob.send("PRIVMSG #private :let me in");
            bob.awaitContains(" 404 bob #private :Cannot send to channel");
            alice.sync();
            assertThat(alice.received("let me in")).isFalse();
        }
    }

    @Test
    void linesMayEndInLfAlone() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.sendRaw("PRIVMSG #lobby :unix style\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bob.awaitContains("PRIVMSG #lobby :unix style");
        }
    }
}
