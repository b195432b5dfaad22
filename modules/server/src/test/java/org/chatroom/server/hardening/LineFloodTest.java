package org.chatroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.core.DropReason;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every line costs flood tokens, whatever it is: PONGs, blank lines and over-long lines too. */
@Timeout(60)
class LineFloodTest {
    private static final Map<String, String> STRICT = Map.of("flood.exempt", "", "flood.rate", "5",
            "flood.burst", "10", "flood.max.queued", "50");

    private static void floodAndExpectDrop(byte[] line) throws Exception {
        try (ChatServer s = TestServer.start(STRICT);
             IrcTestClient bystander = IrcTestClient.registered(s.port(), "bystander");
             IrcTestClient flooder = IrcTestClient.registered(s.port(), "flooder")) {
            byte[] burst = new byte[line.length * 200];
            for (int i = 0; i < 200; i++) {
                System.arraycopy(line, 0, burst, i * line.length, line.length);
            }
            try {
                flooder.sendRaw(burst);
            } catch (java.io.IOException e) {
                // dropped before the whole burst was written: the very outcome checked below
            }
            bystander.awaitContains(":flooder!~flooder@127.0.0.1 QUIT :Excess Flood");
            flooder.awaitClosed();
            assertThat(s.stats().drops(DropReason.EXCESS_FLOOD)).isEqualTo(1);
        }
    }

    @Test
    void aPongFloodIsDropped() throws Exception {
        floodAndExpectDrop("PONG :x\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aBlankLineFloodIsDropped() throws Exception {
        floodAndExpectDrop("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aFloodOfOverlongLinesIsDropped() throws Exception {
        floodAndExpectDrop(("PRIVMSG #lobby :" + "x".repeat(10_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
}
