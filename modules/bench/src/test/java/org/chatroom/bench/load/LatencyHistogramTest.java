package org.chatroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void emptyHistogramReportsZeros() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.count()).isZero();
        assertThat(h.percentile(50)).isZero();
        assertThat(h.max()).isZero();
        assertThat(h.min()).isZero();
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 0; v < 128; v++) {
            h.record(v);
        }
        assertThat(h.percentile(50)).isEqualTo(63);
        assertThat(h.percentile(100)).isEqualTo(127);
        assertThat(h.percentile(0)).isZero();
        assertThat(h.count()).isEqualTo(128);
        assertThat(h.mean()).isCloseTo(63.5, within(1e-9));
    }

    @Test
    void bucketsTileTheRangeWithoutGapsOrOverlap() {
        long expectedLow = 0;
        for (int idx = 0; idx < LatencyHistogram.index((1L << LatencyHistogram.MAX_MAGNITUDE) * 2 - 1); idx++) {
            assertThat(LatencyHistogram.lowestInBucket(idx)).as("bucket %d", idx).isEqualTo(expectedLow);
            long high = LatencyHistogram.highestInBucket(idx);
            assertThat(LatencyHistogram.index(expectedLow)).isEqualTo(idx);
            assertThat(LatencyHistogram.index(high)).isEqualTo(idx);
            // relative width never above 1/64
            assertThat((double) (high - expectedLow)).isLessThanOrEqualTo(Math.max(0, expectedLow / 64.0));
            expectedLow = high + 1;
        }
    }

    @Test
    void percentilesOfRandomDataAreWithinOnePointSixPercentOfExact() {
        Random r = new Random(42);
        long[] values = new long[100_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // log-uniform between 1 µs and 1 s, like real latencies
            values[i] = (long) Math.exp(Math.log(1_000) + r.nextDouble() * (Math.log(1e9) - Math.log(1_000)));
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat((double) h.percentile(p)).as("p%s", p)
                    .isBetween((double) exact, exact * (1 + 1 / 64.0));
        }
        assertThat(h.max()).isEqualTo(values[values.length - 1]);
        assertThat(h.min()).isEqualTo(values[0]);
    }

    @Test
    void percentileNeverExceedsTheExactMaximum() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_000_001);
        assertThat(h.percentile(99.9)).isEqualTo(1_000_001);
    }

    @Test
    void addMergesCountsAndExtremes() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        a.record(20);
        b.record(5_000_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.min()).isEqualTo(10);
        assertThat(a.max()).isEqualTo(5_000_000);
        assertThat(a.percentile(50)).isEqualTo(20);
    }

    @Test
    void negativeAndHugeValuesAreClamped() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        h.record(Long.MAX_VALUE);
        assertThat(h.min()).isZero();
        assertThat(h.max()).isEqualTo((1L << (LatencyHistogram.MAX_MAGNITUDE + 1)) - 1);
        h.reset();
        assertThat(h.count()).isZero();
    }
}
