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
        RejectedLine utf8 = ch.readInbound();
        assertThat(utf8.invalidUtf8()).isTrue();
        assertThat(utf8.replaced()).as("the command survives, the bad byte is U+FFFD")
                .isEqualTo(IrcMessage.of("PRIVMSG", "#a", "\uFFFD"));
        assertThat(((RejectedLine) ch.readInbound()).reason()).contains("NUL");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void clientTagDataHas4094BytesAndNoMore() {
        EmbeddedChannel wide = new EmbeddedChannel(new LineBasedFrameDecoder(9000, true, false),
                new IrcLineDecoder(new ServerStats(), 510));
        String fits = "@+a=" + "v".repeat(4091) + " TAGMSG #a\n"; // tag data without '@' and the space: 4094
        String over = "@+a=" + "v".repeat(4092) + " TAGMSG #a\n";
        wide.writeInbound(Unpooled.wrappedBuffer(fits.getBytes(StandardCharsets.UTF_8)),
                Unpooled.wrappedBuffer(over.getBytes(StandardCharsets.UTF_8)));
        assertThat(((IrcMessage) wide.readInbound()).tags().get("+a")).hasSize(4091);
        assertThat((Object) wide.readInbound()).isEqualTo(RejectedLine.overlong());
        assertThat(wide.finish()).isFalse();
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
