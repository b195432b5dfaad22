package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.chatroom.server.support.WsTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A WebSocket user who stops reading is dropped with SendQ exceeded, as on TCP, and nobody waits for it. */
@Timeout(60)
class WebSocketSlowReaderTest {
    @Test
    void webSocketReaderThatStopsReadingIsDroppedWhileOthersKeepChatting() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("sendq.bytes", "65536", "flood.rate", "0"));
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(s.port(), "bob");
             WsTestClient stalled = WsTestClient.registered(s.web().httpPort(), "stalled", 4096)) {
            alice.awaitContains(":stalled!~stalled@127.0.0.1 JOIN #lobby");
            stalled.stopReading();
            String payload = "p".repeat(400);
            // paced by bob, who keeps up, and bounded: 20,000 lines (8 MB) is far past 64 KiB plus the kernel's buffers
            for (int i = 0; i < 20_000 && s.stats().slowClientsDropped() == 0; i++) {
                alice.send("PRIVMSG #lobby :" + i + " " + payload);
                if (i % 50 == 49) {
                    String marker = "PRIVMSG #lobby :" + i + " ";
                    bob.awaitLine(l -> l.contains(marker));
                }
            }
            bob.awaitContains(":stalled!~stalled@127.0.0.1 QUIT :SendQ exceeded");
            alice.send("PRIVMSG #lobby :still flowing");
            bob.awaitContains("PRIVMSG #lobby :still flowing");
            assertThat(s.stats().slowClientsDropped()).isEqualTo(1);
            assertThat(s.registry().byNick("stalled")).isNull();
        }
    }
}
