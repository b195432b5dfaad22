package org.chatroom.bench.micro;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.chatroom.protocol.IrcMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fan-out of one room message to N members, the daemon's way: encode once into a pooled direct
 * buffer, write a {@code retainedDuplicate()} to every member's channel with the void promise,
 * flush each once, release the original. The channels are {@link EmbeddedChannel}s whose
 * outbound end releases what reaches it (the socket write is not measured). Reported per
 * message; divide by N for the cost per delivery.
 *
 * <p>{@link #appendToMemberBuffers} is the alternative C daemons use: copy the line into each
 * member's own send buffer (one write per member per flush, amortised over many messages), so a
 * delivery costs a ~100-byte copy instead of a buffer object and an outbound-queue entry.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanOutBenchmark {
    @Param({"10", "200", "1000"})
    public int members;

    private EmbeddedChannel[] channels;
    private ByteBuf[] sendBuffers;
    private final IrcMessage relayed = IrcMessage.from("alice!alice@127.0.0.1", "PRIVMSG", "#lobby",
            "hello everybody, how is it going today?");

    /** Stands for the socket: takes every write and releases it. */
    static final class Sink extends ChannelOutboundHandlerAdapter {
        long bytes;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof ByteBuf) {
                bytes += ((ByteBuf) msg).readableBytes();
            }
            ReferenceCountUtil.release(msg);
            if (!promise.isVoid()) {
                promise.setSuccess();
            }
        }
    }

    /** Bytes that reached the members' sockets so far (a check that fan-out really delivered). */
    long bytesDelivered() {
        long n = 0;
        for (EmbeddedChannel ch : channels) {
            n += ((Sink) ch.pipeline().first()).bytes;
        }
        return n;
    }

    @Setup(Level.Trial)
    public void setup() {
        channels = new EmbeddedChannel[members];
        for (int i = 0; i < members; i++) {
            channels[i] = new EmbeddedChannel(new Sink());
        }
        sendBuffers = new ByteBuf[members];
        for (int i = 0; i < members; i++) {
            sendBuffers[i] = PooledByteBufAllocator.DEFAULT.directBuffer(64 * 1024);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (EmbeddedChannel ch : channels) {
            ch.finishAndReleaseAll();
        }
        for (ByteBuf b : sendBuffers) {
            b.release();
        }
    }

    @Benchmark
    public int appendToMemberBuffers() {
        String line = relayed.toLine();
        ByteBuf encoded = PooledByteBufAllocator.DEFAULT.directBuffer(line.length() + 2);
        encoded.writeCharSequence(line, StandardCharsets.UTF_8);
        encoded.writeShort(('\r' << 8) | '\n');
        int len = encoded.readableBytes();
        for (ByteBuf b : sendBuffers) {
            if (b.writableBytes() < len) {
                b.clear(); // stands for the socket write that empties it once per flush
            }
            b.writeBytes(encoded, encoded.readerIndex(), len);
        }
        encoded.release();
        return len;
    }

    @Benchmark
    public int fanOut() {
        String line = relayed.toLine();
        ByteBuf encoded = PooledByteBufAllocator.DEFAULT.directBuffer(line.length() + 2);
        encoded.writeCharSequence(line, StandardCharsets.UTF_8);
        encoded.writeShort(('\r' << 8) | '\n');
        for (EmbeddedChannel ch : channels) {
            ch.write(encoded.retainedDuplicate(), ch.voidPromise());
        }
        for (EmbeddedChannel ch : channels) {
            ch.flush();
        }
        int n = encoded.readableBytes();
        encoded.release();
        return n;
    }
}
