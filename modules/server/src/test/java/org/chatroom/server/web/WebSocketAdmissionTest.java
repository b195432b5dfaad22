package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.TestServer;
import org.chatroom.server.support.WsTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who may open /socket (Origin) and which address every limit counts (X-Forwarded-For). */
@Timeout(30)
class WebSocketAdmissionTest {
    private ChatServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pageFromAnotherSiteIsRefusedAndTheOwnPageIsNot() throws Exception {
        server = TestServer.start();
        int port = server.web().httpPort();
        try (WsTestClient evil = WsTestClient.connect(port, "text.ircv3.net", Map.of("Origin", "https://evil.example"));
             WsTestClient own = WsTestClient.connect(port, "text.ircv3.net",
                     Map.of("Origin", "http://127.0.0.1:" + port))) {
            assertThat(evil.awaitHandshakeFailure()).contains("403");
            own.awaitOpen();
            own.sync();
        }
    }

    @Test
    void listedOriginsMayConnect() throws Exception {
        server = TestServer.start(Map.of("http.allowed.origins", "https://chat.example.org"));
        int port = server.web().httpPort();
        try (WsTestClient listed = WsTestClient.connect(port, null, Map.of("Origin", "https://chat.example.org"));
             WsTestClient own = WsTestClient.connect(port, null, Map.of("Origin", "http://127.0.0.1:" + port))) {
            listed.awaitOpen();
            assertThat(own.awaitHandshakeFailure()).contains("403");
        }
    }

    @Test
    void forwardedAddressCountsOnlyWhenThePeerIsATrustedProxy() throws Exception {
        server = TestServer.start(Map.of("http.trusted.proxies", "127.0.0.1", "max.connections.per.ip", "1"));
        int port = server.web().httpPort();
        try (WsTestClient a = registered(port, "alice", "203.0.113.9");
             WsTestClient b = WsTestClient.connect(port, "text.ircv3.net", Map.of("X-Forwarded-For", "203.0.113.9"));
             WsTestClient c = registered(port, "carol", "198.51.100.7, 203.0.113.200")) {
            assertThat(a.awaitContains(" JOIN ")).contains("@203.0.113.9 JOIN");
            b.awaitContains("ERROR :Closing link");
            b.awaitClosed();
            assertThat(c.awaitContains(" JOIN ")).as("the right-most untrusted hop").contains("@203.0.113.200 JOIN");
        }
    }

    @Test
    void forwardedHeaderFromAnUntrustedPeerIsIgnored() throws Exception {
        server = TestServer.start();
        try (WsTestClient a = registered(server.web().httpPort(), "alice", "203.0.113.9")) {
            assertThat(a.awaitContains(" JOIN ")).contains("@127.0.0.1 JOIN");
        }
    }

    private static WsTestClient registered(int port, String nick, String forwardedFor) throws Exception {
        WsTestClient c = WsTestClient.connect(port, "text.ircv3.net", Map.of("X-Forwarded-For", forwardedFor));
        c.awaitOpen();
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
        c.awaitContains(" 366 " + nick + " #lobby ");
        return c;
    }
}
