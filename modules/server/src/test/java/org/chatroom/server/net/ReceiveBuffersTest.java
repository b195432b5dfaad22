package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** The read buffer of a client connection: small while it chats or idles, large only for bulk senders. */
class ReceiveBuffersTest {
    @Test
    void startsSmallShrinksOnShortLinesAndGrowsForBulk() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setRecvByteBufAllocator(ReceiveBuffers.forClients());
        RecvByteBufAllocator.Handle h = ch.config().getRecvByteBufAllocator().newHandle();
        assertThat(h.guess()).isEqualTo(ReceiveBuffers.INITIAL);

        for (int i = 0; i < 8; i++) { // PINGs, PONGs, short PRIVMSGs: one small read each
            read(ch, h, 40);
        }
        assertThat(h.guess()).as("an idle chatter's buffer").isLessThanOrEqualTo(ReceiveBuffers.INITIAL)
                .isGreaterThanOrEqualTo(ReceiveBuffers.MIN);

        for (int i = 0; i < 12; i++) { // a paste or a bouncer's burst: every read fills the buffer
            read(ch, h, h.guess());
        }
        assertThat(h.guess()).as("a bulk sender's buffer").isEqualTo(ReceiveBuffers.MAX);

        for (int i = 0; i < 20; i++) { // and chatting again afterwards
            read(ch, h, 40);
        }
        assertThat(h.guess()).as("after the burst").isLessThan(ReceiveBuffers.MAX / 4);
        ch.finishAndReleaseAll();
    }

    private static void read(EmbeddedChannel ch, RecvByteBufAllocator.Handle h, int bytes) {
        h.reset(ch.config());
        ByteBuf buf = h.allocate(ch.alloc());
        h.lastBytesRead(Math.min(bytes, buf.writableBytes()));
        h.incMessagesRead(1);
        h.readComplete();
        buf.release();
    }
}
