package org.chatroom.bench.micro;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.chatroom.bench.load.IrcLine;
import org.chatroom.protocol.IrcMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing one line: the daemon's {@link IrcMessage#parse} (a String in, a record out) against
 * the load tool's allocation-free {@link IrcLine} over bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {
    /** A client's room message, a relayed one with a source, and one with IRCv3 tags. */
    @Param({"PRIVMSG #lobby :hello everybody, how is it going today?",
            ":alice!alice@127.0.0.1 PRIVMSG #lobby :hello everybody, how is it going today?",
            "@time=2026-11-25T14:00:00.000Z;msgid=abc123 :alice!alice@127.0.0.1 PRIVMSG #lobby :hello everybody"})
    public String line;

    private byte[] bytes;
    private final IrcLine view = new IrcLine();

    @Setup
    public void setup() {
        bytes = line.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public IrcMessage protocolParse() {
        return IrcMessage.parse(line);
    }

    /** What the server's decoder does per line: bytes to String, then parse. */
    @Benchmark
    public IrcMessage decodeAndParse() {
        return IrcMessage.parse(new String(bytes, StandardCharsets.UTF_8));
    }

    @Benchmark
    public int inPlaceParse() {
        view.parse(bytes, 0, bytes.length);
        return view.paramEnd(view.paramCount() - 1);
    }
}
