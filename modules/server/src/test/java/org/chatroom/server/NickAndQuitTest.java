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
class NickAndQuitTest {
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
    void nickChangeIsShownToPeersAndFreesTheOldNick() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.send("NICK alicia");
            alice.awaitContains(":alice!~alice@127.0.0.1 NICK alicia");
            bob.awaitContains(":alice!~alice@127.0.0.1 NICK alicia");
            bob.send("NICK alicia");
            bob.awaitContains(" 433 bob alicia ");
            bob.send("NICK alice");
            bob.awaitContains(":bob!~bob@127.0.0.1 NICK alice");
            alice.send("PRIVMSG #lobby :new name");
            bob.awaitContains(":alicia!~alice@127.0.0.1 PRIVMSG #lobby :new name");
        }
    }

    @Test
    void cleanQuitIsAnnouncedWithReason() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            bob.send("QUIT :see you tomorrow");
            bob.awaitContains("ERROR :Closing link: (~bob@127.0.0.1) [Quit: see you tomorrow]");
            bob.awaitClosed();
            alice.awaitContains(":bob!~bob@127.0.0.1 QUIT :Quit: see you tomorrow");
            assertThat(server.registry().byNick("bob")).isNull();
        }
    }

    @Test
    void abruptDisconnectIsAnnounced() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice")) {
            IrcTestClient bob = IrcTestClient.registered(server.port(), "bob");
            bob.close();
            alice.awaitContains(":bob!~bob@127.0.0.1 QUIT :Connection closed");
        }
    }

    @Test
    void silentClientIsPingedThenDropped() throws Exception {
        // The timing itself is KeepAliveHandlerTest's (mock ticker); this proves the wiring end to end.
        // The bystander answers every PING from its reader thread, with a timeout five times the interval.
        try (ChatServer s = TestServer.start(Map.of("ping.interval", "200ms", "ping.timeout", "1s"));
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice").answeringPings();
             IrcTestClient mute = IrcTestClient.registered(s.port(), "mute")) {
            mute.awaitContains("PING :chat.localhost");
            alice.awaitLine(l -> l.matches(":mute!~mute@127\\.0\\.0\\.1 QUIT :Ping timeout: \\d+ seconds"));
            mute.awaitClosed();
            assertThat(alice.isClosed()).isFalse();
        }
    }

    @Test
    void clientThatAnswersPingsStays() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("ping.interval", "200ms", "ping.timeout", "2s"));
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice")) {
            for (int i = 0; i < 3; i++) {
                int seen = (int) alice.lines().stream().filter(l -> l.startsWith("PING")).count();
                alice.awaitLine(l -> alice.lines().stream().filter(x -> x.startsWith("PING")).count() > seen);
                alice.send("PONG :chat.localhost");
            }
            alice.sync();
            assertThat(alice.isClosed()).isFalse();
        }
    }
}
