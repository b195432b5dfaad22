package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.TestServer;
import org.chatroom.server.support.WsTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Plain HTTP connections (before any WebSocket upgrade) are bounded per address by
 * {@code http.max.connections.per.ip}, apart from the IRC limit {@code max.connections.per.ip}:
 * loading the page does not use up a user's IRC connections, and a WebSocket moves from the one
 * count to the other at its handshake.
 */
@Timeout(30)
class WebHttpLimitTest {
    private ChatServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A keep-alive connection that has had one answer: the server has surely counted it. */
    private Socket served() throws IOException {
        Socket s = new Socket("127.0.0.1", server.web().httpPort());
        sockets.add(s);
        s.setSoTimeout(5000);
        s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readSome(s.getInputStream())).startsWith("HTTP/1.1 200");
        return s;
    }

    private static String readSome(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        int n = in.read(buf);
        return n < 0 ? "<closed>" : new String(buf, 0, n, StandardCharsets.US_ASCII);
    }

    @Test
    void oneAddressMayHoldOnlySoManyHttpConnectionsAndAClosedOneFreesItsPlace() throws Exception {
        server = TestServer.start(Map.of("http.max.connections.per.ip", "3"));
        served();
        served();
        Socket third = served();
        try (Socket refused = new Socket("127.0.0.1", server.web().httpPort())) {
            refused.setSoTimeout(5000);
            assertThat(readSome(refused.getInputStream())).isEqualTo("<closed>");
        }
        third.close();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> assertThat(served()).isNotNull());
    }

    @Test
    void pageConnectionsDoNotUseUpTheIrcLimitAndAWebSocketLeavesTheHttpCount() throws Exception {
        server = TestServer.start(Map.of("http.max.connections.per.ip", "2", "max.connections.per.ip", "1"));
        served(); // the page and a file, as a browser loads them
        try (WsTestClient ws = WsTestClient.registered(server.web().httpPort(), "alice")) {
            ws.sync();
            served(); // the WebSocket no longer counts as an HTTP connection: two plain ones fit
            assertThat(ws.isClosed()).isFalse();
        }
    }

    @Test
    void aTrustedProxyCarriesEveryoneAndIsNotLimited() throws Exception {
        server = TestServer.start(Map.of("http.max.connections.per.ip", "1", "http.trusted.proxies", "127.0.0.1"));
        served();
        served();
        served();
    }
}
