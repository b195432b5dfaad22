package org.chatroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void emptyHistogramReportsZeros() {
        Histogram h = Latency.histogram();
        assertThat(h.getTotalCount()).isZero();
        assertThat(h.getValueAtPercentile(50)).isZero();
        assertThat(h.getMaxValue()).isZero();
        assertThat(h.getMinValue()).isZero();
    }

    @Test
    void percentilesOfRandomLatenciesAreWithinATenthOfAPercent() {
        Random r = new Random(42);
        long[] values = new long[100_000];
        Histogram h = Latency.histogram();
        for (int i = 0; i < values.length; i++) {
            // log-uniform between 1 µs and 1 s, like real latencies
            values[i] = (long) Math.exp(Math.log(1_000) + r.nextDouble() * (Math.log(1e9) - Math.log(1_000)));
            Latency.record(h, values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat((double) h.getValueAtPercentile(p)).as("p%s", p)
                    .isBetween(exact * (1 - 1e-3), exact * (1 + 1e-3));
        }
        assertThat((double) h.getMaxValue()).isBetween((double) values[values.length - 1],
                values[values.length - 1] * (1 + 1e-3));
        assertThat(h.getTotalCount()).isEqualTo(values.length);
    }

    @Test
    void negativeAndHugeValuesAreClampedNotThrown() {
        Histogram h = Latency.histogram();
        Latency.record(h, -5);
        Latency.record(h, Long.MAX_VALUE);
        assertThat(h.getTotalCount()).isEqualTo(2);
        assertThat(h.getMinValue()).isZero();
        assertThat(h.getMaxValue()).isBetween(Latency.HIGHEST_NANOS, (long) (Latency.HIGHEST_NANOS * 1.001));
    }

    @Test
    void perThreadHistogramsAddUp() {
        Histogram a = Latency.histogram();
        Histogram b = Latency.histogram();
        Latency.record(a, 10);
        Latency.record(a, 20);
        Latency.record(b, 5_000_000);
        a.add(b);
        assertThat(a.getTotalCount()).isEqualTo(3);
        assertThat(a.getMinValue()).isEqualTo(10);
        assertThat(a.getValueAtPercentile(50)).isEqualTo(20);
        assertThat(a.getMaxValue()).isBetween(5_000_000L, 5_005_000L);
    }

    @Test
    void recordingOnTheLoadLoopAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        Histogram h = Latency.histogram();
        long sink = 0;
        for (int round = 0; round < 3; round++) { // the last round runs compiled code
            long before = threads.getThreadAllocatedBytes(me);
            for (long v = 1; v <= 1_000_000; v++) {
                Latency.record(h, v * 997 % 2_000_000_000L);
            }
            long allocated = threads.getThreadAllocatedBytes(me) - before;
            sink += allocated;
            if (round == 2) {
                // a million values of up to 2 s: no per-value object, no resize of the counts array
                assertThat(allocated).as("bytes allocated while recording 1,000,000 values").isLessThan(1024);
            }
        }
        assertThat(h.getTotalCount()).isEqualTo(3_000_000);
        assertThat(sink).isNotNegative();
    }
}
