package org.chatroom.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The microbenchmarks build and run: JMH's annotation processor listed them, each benchmark does
 * the work it claims (checked on its result), and JMH itself runs one to a score.
 */
class MicroBenchmarksTest {

    @Test
    void jmhListsEveryBenchmark() throws Exception {
        try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(list).as("META-INF/BenchmarkList written by jmh-generator-annprocess").isNotNull();
            String text = new String(list.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("FanOutBenchmark_fanOut_jmhTest", "FanOutBenchmark_appendToMemberBuffers_jmhTest",
                    "FormatBenchmark_formatAndEncode_jmhTest", "ParseBenchmark_inPlaceParse_jmhTest",
                    "ParseBenchmark_protocolParse_jmhTest");
        }
    }

    @Test
    void fanOutDeliversTheLineToEveryMember() {
        FanOutBenchmark b = new FanOutBenchmark();
        b.members = 200;
        b.setup();
        try {
            int len = b.fanOut();
            b.fanOut();
            assertThat(len).isEqualTo(":alice!alice@127.0.0.1 PRIVMSG #lobby :hello everybody, how is it going today?\r\n"
                    .length());
            assertThat(b.bytesDelivered()).isEqualTo(2L * 200 * len);
            assertThat(b.appendToMemberBuffers()).isEqualTo(len);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void parseAndFormatBenchmarksReturnWhatTheyParsed() {
        ParseBenchmark p = new ParseBenchmark();
        p.line = ":alice!alice@127.0.0.1 PRIVMSG #lobby :hello";
        p.setup();
        assertThat(p.protocolParse().command()).isEqualTo("PRIVMSG");
        assertThat(p.decodeAndParse().params()).containsExactly("#lobby", "hello");
        assertThat(p.inPlaceParse()).isEqualTo(p.line.length());
        FormatBenchmark f = new FormatBenchmark();
        assertThat(f.toLine()).isEqualTo(f.buildAndFormat());
        assertThat(f.formatAndEncode()).isEqualTo(f.toLine().length() + 2);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void jmhRunsABenchmarkToAScore() throws Exception {
        Options opt = new OptionsBuilder().include(ParseBenchmark.class.getName() + ".inPlaceParse")
                .param("line", "PRIVMSG #lobby :hello").forks(0).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200)).shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(opt).run();
        assertThat(results).hasSize(1);
        double nanosPerOp = results.iterator().next().getPrimaryResult().getScore();
        assertThat(nanosPerOp).isPositive().isLessThan(100_000);
    }
}
