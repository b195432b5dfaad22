package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.nio.charset.StandardCharsets;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.core.ServerStats;
import org.junit.jupiter.api.Test;

class IrcLineDecoderTest {
    private final EmbeddedChannel ch = new EmbeddedChannel(new LineBasedFrameDecoder(600, true, false),
            new IrcLineDecoder(new ServerStats(), 510));

    private void write(byte[] bytes) {
        ch.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    private void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLineIsParsed() {
        write("PRIVMSG #lobby :héllo\r\n");
        assertThat((Object) ch.readInbound()).isEqualTo(IrcMessage.of("PRIVMSG", "#lobby", "héllo"));
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void blankLinesReachFloodControlAsEmptyLines() {
        write("\r\n   \n");
        assertThat((Object) ch.readInbound()).isEqualTo(RejectedLine.empty());
        assertThat((Object) ch.readInbound()).isEqualTo(RejectedLine.empty());
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void badUtf8AndNulAreRefusedWithAReason() {
        write(new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'a', ' ', (byte) 0xC3, '\n'});
        write(new byte[] {'N', 'I', 'C', 'K', ' ', 0, '\n'});
        assertThat(((RejectedLine) ch.readInbound()).reason()).contains("not valid UTF-8");
        assertThat(((RejectedLine) ch.readInbound()).reason()).contains("NUL");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void anOverlongLineBecomesOneRefusalAndTheNextLineStillParses() {
        write("PRIVMSG #a :" + "x".repeat(2000) + "\r\nPING :after\r\n");
        assertThat((Object) ch.readInbound()).isEqualTo(RejectedLine.overlong());
        assertThat((Object) ch.readInbound()).isEqualTo(IrcMessage.of("PING", "after"));
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aBodyOverTheLimitIsTooLongEvenWithinTheFrame() {
        write("PRIVMSG #a :" + "y".repeat(550) + "\n");
        assertThat((Object) ch.readInbound()).isEqualTo(RejectedLine.overlong());
        assertThat(ch.finish()).isFalse();
    }
}
