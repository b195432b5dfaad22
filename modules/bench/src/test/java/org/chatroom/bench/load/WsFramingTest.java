package org.chatroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * chat-bench's own RFC 6455 framing against Netty's codec (the one the daemon runs): what the
 * generator writes, Netty's server-side decoder reads as masked text frames; what Netty's server
 * encoder writes, {@link WsFrame} reads.
 */
class WsFramingTest {
    /** Where the clients would connect: these tests only frame bytes, nothing connects. */
    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 6667);


    private static byte[] written(BenchClient c) {
        byte[] b = new byte[c.out.position()];
        System.arraycopy(c.out.array(), 0, b, 0, b.length);
        return b;
    }

    private static EmbeddedChannel serverDecoder() {
        return new EmbeddedChannel(new WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder().expectMaskedFrames(true)
                .allowMaskMismatch(false).allowExtensions(false).maxFramePayloadLength(65536).build()));
    }

    @Test
    void linesBecomeMaskedTextFramesThatNettyReadsBack() {
        BenchClient c = new BenchClient(1, "bx1", -1, 0, 16, true, SERVER);
        String shortLine = "NICK bx1";
        String longLine = "PRIVMSG #bench :" + "y".repeat(300); // needs the 16-bit length form
        c.line(shortLine.getBytes(StandardCharsets.US_ASCII));
        c.line(longLine.getBytes(StandardCharsets.US_ASCII));
        c.line(new byte[0]);
        byte[] wire = written(c);
        assertThat(wire[1] & 0x80).as("mask bit").isEqualTo(0x80);
        assertThat(new String(wire, StandardCharsets.ISO_8859_1)).doesNotContain("NICK").doesNotContain("yyyy");

        EmbeddedChannel ch = serverDecoder();
        ch.writeInbound(Unpooled.wrappedBuffer(wire));
        for (String expected : new String[] {shortLine, longLine, ""}) {
            TextWebSocketFrame f = ch.readInbound();
            assertThat(f).as(expected).isNotNull();
            assertThat(f.isFinalFragment()).isTrue();
            assertThat(f.text()).isEqualTo(expected);
            f.release();
        }
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.isOpen()).as("no protocol violation").isTrue();
    }

    @Test
    void tcpClientsEndLinesWithCrLf() {
        BenchClient c = new BenchClient(1, "bx1", -1, 0, 4, false, SERVER);
        c.line("JOIN #bench".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(written(c), StandardCharsets.US_ASCII)).isEqualTo("JOIN #bench\r\n");
    }

    @Test
    void pongCarriesThePingsPayload() {
        BenchClient c = new BenchClient(1, "bx1", -1, 0, 64, true, SERVER);
        byte[] payload = "abc".getBytes(StandardCharsets.US_ASCII);
        c.frame(WsFrame.PONG, payload, 0, payload.length);
        EmbeddedChannel ch = serverDecoder();
        ch.writeInbound(Unpooled.wrappedBuffer(written(c)));
        PongWebSocketFrame pong = ch.readInbound();
        assertThat(pong.content().toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
        pong.release();
    }

    @Test
    void readsNettysServerFramesShortAndLongAndWaitsForTheRest() {
        EmbeddedChannel enc = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
        enc.writeOutbound(new TextWebSocketFrame(":a PRIVMSG #b :hi"), new TextWebSocketFrame("x".repeat(1000)),
                new PingWebSocketFrame(Unpooled.copiedBuffer("p", StandardCharsets.US_ASCII)));
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = enc.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        byte[] buf = new byte[all.readableBytes()];
        all.readBytes(buf);

        WsFrame f = new WsFrame();
        assertThat(f.read(buf, 0, buf.length, 16 * 1024)).isEqualTo(WsFrame.COMPLETE);
        assertThat(f.opcode).isEqualTo(WsFrame.TEXT);
        assertThat(f.fin).isTrue();
        assertThat(new String(buf, f.payloadStart, f.payloadEnd - f.payloadStart, StandardCharsets.US_ASCII))
                .isEqualTo(":a PRIVMSG #b :hi");
        int second = f.payloadEnd;
        assertThat(f.read(buf, second, second + 3, 16 * 1024)).as("header cut short").isEqualTo(WsFrame.INCOMPLETE);
        assertThat(f.read(buf, second, second + 500, 16 * 1024)).as("payload cut short").isEqualTo(WsFrame.INCOMPLETE);
        assertThat(f.read(buf, second, buf.length, 999)).as("over the limit").isEqualTo(WsFrame.BROKEN);
        assertThat(f.error).contains("1000 bytes, more than 999");
        assertThat(f.read(buf, second, buf.length, 16 * 1024)).isEqualTo(WsFrame.COMPLETE);
        assertThat(f.payloadEnd - f.payloadStart).isEqualTo(1000);
        assertThat(f.read(buf, f.payloadEnd, buf.length, 16 * 1024)).isEqualTo(WsFrame.COMPLETE);
        assertThat(f.opcode).isEqualTo(WsFrame.PING);
        assertThat(f.payloadEnd).isEqualTo(buf.length);
    }

    @Test
    void aMaskedServerFrameIsRefused() {
        byte[] masked = {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 'a'};
        WsFrame f = new WsFrame();
        assertThat(f.read(masked, 0, masked.length, 100)).isEqualTo(WsFrame.BROKEN);
        assertThat(f.error).isEqualTo("the server sent a masked WebSocket frame");
    }

    @Test
    void handshakeChecksStatusAcceptAndSubprotocol() {
        // RFC 6455 section 1.3's example key and answer
        assertThat(WsHandshake.acceptFor("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        WsHandshake h = new WsHandshake("127.0.0.1:8080", "/socket");
        String req = new String(h.request(), StandardCharsets.US_ASCII);
        assertThat(req).startsWith("GET /socket HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n")
                .contains("Sec-WebSocket-Protocol: text.ircv3.net\r\n", "Sec-WebSocket-Version: 13\r\n").endsWith("\r\n\r\n");
        String key = req.replaceAll("(?s).*Sec-WebSocket-Key: ([^\r]+)\r\n.*", "$1");
        String ok = "HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n"
                + "sec-websocket-accept: " + WsHandshake.acceptFor(key) + "\r\nsec-websocket-protocol: text.ircv3.net\r\n\r\n";
        byte[] b = ok.getBytes(StandardCharsets.US_ASCII);
        assertThat(WsHandshake.headEnd(b, 0, b.length - 1)).isEqualTo(-1);
        assertThat(WsHandshake.headEnd(b, 0, b.length)).isEqualTo(b.length);
        assertThat(h.check(b, 0, b.length)).isNull();
        byte[] noProto = ok.replace("sec-websocket-protocol: text.ircv3.net\r\n", "").getBytes(StandardCharsets.US_ASCII);
        assertThat(h.check(noProto, 0, noProto.length)).contains("did not choose subprotocol text.ircv3.net");
        byte[] badAccept = ok.replace(WsHandshake.acceptFor(key), "AAAA").getBytes(StandardCharsets.US_ASCII);
        assertThat(h.check(badAccept, 0, badAccept.length)).contains("wrong Sec-WebSocket-Accept");
        byte[] refused = "HTTP/1.1 403 Forbidden\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(h.check(refused, 0, refused.length)).isEqualTo("the WebSocket upgrade was refused: HTTP/1.1 403 Forbidden");
    }
}
