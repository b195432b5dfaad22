package org.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RoomTest {
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
    void joinPartAndRoomLifecycle() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.send("JOIN #dev,#ops");
            alice.awaitContains(":alice!~alice@127.0.0.1 JOIN #ops");
            bob.send("JOIN #DEV");
            alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #dev");
            bob.awaitContains(" 353 bob = #dev :@alice bob");
            bob.send("PART #dev :bye now");
            alice.awaitContains(":bob!~bob@127.0.0.1 PART #dev :bye now");
            bob.awaitContains(":bob!~bob@127.0.0.1 PART #dev :bye now");
            bob.send("PART #dev");
            bob.awaitContains(" 442 bob #dev :You're not on that channel");
            bob.send("PART #gone");
            bob.awaitContains(" 403 bob #gone :No such channel");
            alice.send("PART #ops");
            alice.awaitContains("PART #ops");
            assertThat(server.registry().rooms().get("#ops")).as("empty room disappears").isNull();
            alice.send("JOIN 0");
            alice.awaitContains(":alice!~alice@127.0.0.1 PART #lobby");
            assertThat(server.registry().rooms().get("#lobby")).as("configured room stays").isNotNull();
            alice.send("JOIN bad,#a b");
            alice.awaitContains(" 476 alice bad :Bad Channel Mask");
        }
    }

    @Test
    void topicIsReadAndSetAndShownOnJoin() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice")) {
            alice.send("JOIN #t");
            alice.awaitContains("JOIN #t");
            alice.send("TOPIC #t");
            alice.awaitContains(" 331 alice #t :No topic is set");
            alice.send("TOPIC #t :Release on Friday");
            alice.awaitContains(":alice!~alice@127.0.0.1 TOPIC #t :Release on Friday");
            try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
                bob.send("TOPIC #t :not a member");
                bob.awaitContains(" 442 bob #t ");
                bob.send("JOIN #t");
                bob.awaitContains(" 332 bob #t :Release on Friday");
                bob.awaitLine(l -> l.matches(".* 333 bob #t alice :\\d+"));
            }
        }
    }

    @Test
    void namesWhoWhoisAndList() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.send("NAMES #lobby");
            alice.awaitContains(" 353 alice = #lobby :alice bob");
            alice.send("WHO #lobby");
            alice.awaitContains(" 352 alice #lobby ~bob 127.0.0.1 chat.localhost bob H :0 bob Test");
            alice.awaitContains(" 315 alice #lobby :End of WHO list");
            alice.send("WHOIS bob");
            alice.awaitContains(" 311 alice bob ~bob 127.0.0.1 * :bob Test");
            alice.awaitContains(" 319 alice bob :#lobby");
            alice.awaitContains(" 318 alice bob :End of /WHOIS list");
            alice.send("WHOIS ghost");
            alice.awaitContains(" 401 alice ghost ");
            alice.send("LIST");
            alice.awaitContains(" 322 alice #lobby 2 :Welcome to Chatroom");
            alice.awaitContains(" 323 alice :End of /LIST");
            alice.send("MODE #lobby");
            alice.awaitContains(" 324 alice #lobby :+n");
            alice.send("MODE alice");
            alice.awaitContains(" 221 alice :+");
            alice.send("ISON bob ghost");
            alice.awaitContains(" 303 alice :bob");
        }
    }

    @Test
    void roomCreationCanBeTurnedOff() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("rooms.user.create", "false"));
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice")) {
            alice.send("JOIN #new");
            alice.awaitContains(" 403 alice #new ");
        }
    }

    @Test
    void autojoinCanBeTurnedOff() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("room.default.autojoin", "false"));
             IrcTestClient alice = new IrcTestClient(s.port())) {
            alice.send("NICK alice");
            alice.send("USER a 0 * :A");
            alice.awaitContains(" 422 alice ");
            alice.sync();
            org.assertj.core.api.Assertions.assertThat(alice.received(" JOIN ")).isFalse();
            alice.send("JOIN #lobby");
            alice.awaitContains(":alice!~a@127.0.0.1 JOIN #lobby");
        }
    }

    @Test
    void roomLimitPerUser() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("user.max.rooms", "2"));
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice")) {
            alice.send("JOIN #one,#two");
            alice.awaitContains(" 405 alice #two ");
        }
    }
}
