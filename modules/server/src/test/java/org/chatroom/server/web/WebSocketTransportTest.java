package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.chatroom.server.support.WsTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** IRCv3 WebSocket on a real daemon: subprotocols, framing, and a TCP user on the other side. */
@Timeout(30)
class WebSocketTransportTest {
    private ChatServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int ws() {
        return server.web().httpPort();
    }

    @Test
    void webSocketUserAndTcpUserChatBothWays() throws Exception {
        server = TestServer.start();
        try (WsTestClient alice = WsTestClient.registered(ws(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.awaitContains(" JOIN #lobby"); // bob's join, seen over the socket
            bob.send("PRIVMSG #lobby :hello from tcp");
            String got = alice.awaitContains("hello from tcp");
            assertThat(got).startsWith(":bob!").endsWith("PRIVMSG #lobby :hello from tcp");
            assertThat(alice.lines()).allSatisfy(l -> assertThat(l).doesNotContain("\r").doesNotContain("\n"));
            assertThat(alice.binaryFrames()).containsOnly(false);
            alice.send("PRIVMSG #lobby :hello from the browser");
            assertThat(bob.awaitContains("hello from the browser")).startsWith(":alice!");
        }
    }

    @Test
    void subprotocolIsTheClientsFirstChoiceAndNoneMeansText() throws Exception {
        server = TestServer.start();
        try (WsTestClient bin = WsTestClient.connect(ws(), "binary.ircv3.net,text.ircv3.net");
             WsTestClient text = WsTestClient.connect(ws(), "text.ircv3.net,binary.ircv3.net");
             WsTestClient none = WsTestClient.connect(ws(), null)) {
            for (WsTestClient c : new WsTestClient[] {bin, text, none}) {
                c.awaitOpen();
                c.sync();
            }
            assertThat(bin.selectedSubprotocol()).isEqualTo("binary.ircv3.net");
            assertThat(bin.binaryFrames()).isNotEmpty().containsOnly(true);
            assertThat(text.selectedSubprotocol()).isEqualTo("text.ircv3.net");
            assertThat(text.binaryFrames()).containsOnly(false);
            assertThat(none.selectedSubprotocol()).isNull();
            assertThat(none.binaryFrames()).containsOnly(false);
        }
    }

    @Test
    void overLongLineGets417AndTheConnectionStaysAsOnTcp() throws Exception {
        server = TestServer.start();
        try (WsTestClient alice = WsTestClient.registered(ws(), "alice")) {
            alice.send("PRIVMSG #lobby :" + "x".repeat(600));
            alice.awaitContains(" 417 alice ");
            alice.sync();
            assertThat(alice.isClosed()).isFalse();
        }
    }

    @Test
    void frameBeyondTheLinePlusTagBudgetIsClosedWithTooBig() throws Exception {
        server = TestServer.start();
        try (WsTestClient alice = WsTestClient.registered(ws(), "alice")) {
            alice.send("PRIVMSG #lobby :" + "x".repeat(20_000));
            alice.awaitClosed();
            assertThat(alice.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void binaryFrameOnATextSessionIsReadAsALine() throws Exception {
        server = TestServer.start();
        try (WsTestClient alice = WsTestClient.registered(ws(), "alice")) {
            alice.sendBinary("PING :binary-ok".getBytes(StandardCharsets.UTF_8));
            alice.awaitLine(l -> l.contains("PONG") && l.endsWith("binary-ok"));
        }
    }

    @Test
    void textFrameThatIsNotUtf8GetsTheTcpFailAndTheConnectionStays() throws Exception {
        server = TestServer.start();
        try (WsTestClient alice = WsTestClient.registered(ws(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.sendTextBytes(new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'l', 'o', 'b', 'b', 'y', ' ', ':',
                    (byte) 0xC3, (byte) 0x28});
            alice.awaitContains(" FAIL PRIVMSG INVALID_UTF8 :"); // as on TCP (LineLimitsTest)
            alice.sync();
            bob.sync();
            assertThat(bob.lines()).noneMatch(l -> l.contains("PRIVMSG #lobby"));
        }
    }

    @Test
    void lineWithTrailingCrlfIsTheSameLine() throws Exception {
        server = TestServer.start();
        try (WsTestClient alice = WsTestClient.registered(ws(), "alice")) {
            alice.send("PING :crlf\r\n");
            alice.awaitLine(l -> l.endsWith("PONG chat.localhost :crlf") || l.endsWith(" :crlf"));
        }
    }

    @Test
    void floodingWebSocketUserIsDroppedWithExcessFlood() throws Exception {
        server = TestServer.start(Map.of("flood.burst", "5", "flood.rate", "1", "flood.max.queued", "10"));
        try (WsTestClient alice = WsTestClient.registered(ws(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            for (int i = 0; i < 40; i++) {
                alice.send("PING :f" + i);
            }
            bob.awaitContains(":alice!~alice@127.0.0.1 QUIT :Excess Flood");
            alice.awaitClosed();
            // the ERROR line usually arrives, but our frames still in flight can make the close a reset
            // that discards it on the way in: the counter is what must agree with TCP
            assertThat(alice.lines()).filteredOn(l -> l.startsWith("ERROR")).allMatch(l -> l.contains("Excess Flood"));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(server.stats().drops(org.chatroom.server.core.DropReason.EXCESS_FLOOD)).isEqualTo(1));
    }

    @Test
    void registrationTimeoutApplies() throws Exception {
        server = TestServer.start(Map.of("registration.timeout", "300ms"));
        try (WsTestClient idle = WsTestClient.connect(ws(), "text.ircv3.net")) {
            idle.awaitOpen();
            idle.awaitContains("Registration timed out");
            idle.awaitClosed();
        }
    }

    @Test
    void shutdownTellsWebSocketUsersAndClosesCleanly() throws Exception {
        server = TestServer.start();
        try (WsTestClient alice = WsTestClient.registered(ws(), "alice")) {
            server.close();
            alice.awaitContains("server shutting down");
            alice.awaitClosed();
        }
    }

    @Test
    void webSocketUsersAreCountedByTransport() throws Exception {
        server = TestServer.start();
        try (WsTestClient alice = WsTestClient.registered(ws(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            String metrics = Http.get(ws(), "/metrics").body();
            assertThat(metrics).contains("chatroom_connections{transport=\"websocket\"} 1")
                    .contains("chatroom_connections{transport=\"tcp\"} 1");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Http.get(ws(), "/metrics").body())
                .contains("chatroom_connections{transport=\"websocket\"} 0"));
    }
}
