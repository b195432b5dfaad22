package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbound framing, read back by Netty's own decoder as a browser would read it. */
class WebSocketLineCodecTest {

    /** Frames the codec wrote for {@code batch}, decoded as a client decodes server frames (unmasked). */
    private static List<WebSocketFrame> framesFor(boolean binary, String batch) {
        EmbeddedChannel server = new EmbeddedChannel(new WebSocketLineCodec(binary));
        server.writeOutbound(Unpooled.copiedBuffer(batch, StandardCharsets.UTF_8));
        ByteBuf wire = Unpooled.buffer();
        for (Object o; (o = server.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            wire.writeBytes(b);
            b.release();
        }
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false).allowMaskMismatch(false).maxFramePayloadLength(1 << 20).build()));
        client.writeInbound(wire);
        List<WebSocketFrame> frames = new ArrayList<>();
        for (Object o; (o = client.readInbound()) != null; ) {
            frames.add((WebSocketFrame) o);
        }
        return frames;
    }

    private static List<String> texts(List<WebSocketFrame> frames) {
        List<String> out = new ArrayList<>();
        for (WebSocketFrame f : frames) {
            assertThat(f.isFinalFragment()).isTrue();
            out.add(f.content().toString(StandardCharsets.UTF_8));
            f.release();
        }
        return out;
    }

    @Test
    void aBatchOfLinesBecomesOneBufferOfOneTextFramePerLineWithoutLineEnds() {
        EmbeddedChannel server = new EmbeddedChannel(new WebSocketLineCodec(false));
        server.writeOutbound(Unpooled.copiedBuffer(":a PRIVMSG #r :hi\r\n:b JOIN #r\r\n", StandardCharsets.UTF_8));
        assertThat(server.outboundMessages()).as("one write for the batch").hasSize(1);
        server.finishAndReleaseAll();

        List<WebSocketFrame> frames = framesFor(false, ":a PRIVMSG #r :hi\r\n:b JOIN #r\r\nPING :x\n");
        assertThat(frames).allMatch(f -> f instanceof TextWebSocketFrame);
        assertThat(texts(frames)).containsExactly(":a PRIVMSG #r :hi", ":b JOIN #r", "PING :x");
    }

    @Test
    void binarySessionsGetBinaryFramesAndLongLinesTheLongerLengthForms() {
        String mid = "x".repeat(125);
        String longer = "y".repeat(126);
        String wide = "é".repeat(3000); // 6,000 bytes: the 16-bit length form
        List<WebSocketFrame> frames = framesFor(true, mid + "\r\n" + longer + "\r\n" + wide + "\r\n");
        assertThat(frames).allMatch(f -> f instanceof BinaryWebSocketFrame);
        assertThat(texts(frames)).containsExactly(mid, longer, wide);
    }

    @Test
    void anEmptyBufferWritesNothingAndStillCompletes() {
        EmbeddedChannel server = new EmbeddedChannel(new WebSocketLineCodec(false));
        assertThat(server.writeOneOutbound(Unpooled.EMPTY_BUFFER).isSuccess()).isTrue();
        assertThat(server.outboundMessages()).isEmpty();
    }
}
