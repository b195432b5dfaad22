package org.chatroom.bench.micro;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.chatroom.protocol.IrcMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Formatting a relayed room message: building the {@link IrcMessage} with the sender's prefix,
 * {@link IrcMessage#toLine()}, and encoding it into a pooled direct buffer with CR LF, as the
 * daemon does once per room message before fan-out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FormatBenchmark {
    private final IrcMessage relayed = IrcMessage.from("alice!alice@127.0.0.1", "PRIVMSG", "#lobby",
            "hello everybody, how is it going today?");
    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;

    @Benchmark
    public String toLine() {
        return relayed.toLine();
    }

    @Benchmark
    public String buildAndFormat() {
        return IrcMessage.from("alice!alice@127.0.0.1", "PRIVMSG", "#lobby", "hello everybody, how is it going today?")
                .toLine();
    }

    @Benchmark
    public int formatAndEncode() {
        String line = relayed.toLine();
        ByteBuf buf = alloc.directBuffer(line.length() + 2);
        buf.writeCharSequence(line, StandardCharsets.UTF_8);
        buf.writeShort(('\r' << 8) | '\n');
        int n = buf.readableBytes();
        buf.release();
        return n;
    }
}
