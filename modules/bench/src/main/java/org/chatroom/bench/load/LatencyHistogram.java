package org.chatroom.bench.load;

/**
 * A small fixed-bucket histogram of non-negative longs (nanoseconds here), in the spirit of
 * HdrHistogram: values below 128 have their own bucket; above, every power of two is cut into 64
 * equal buckets, so a reported value is at most 1/64 (1.6%) above the true one. Values up to
 * 2^{@value #MAX_MAGNITUDE} (about 18 minutes in ns) are kept; larger ones are clamped to that.
 * 2,304 counters, 18 KiB. Not thread-safe: one per thread, {@link #add} them at the end.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB_COUNT = 1 << SUB_BITS; // 64 buckets per power of two
    static final int MAX_MAGNITUDE = 40;
    private static final long MAX_VALUE = (1L << (MAX_MAGNITUDE + 1)) - 1;
    private static final int BUCKETS = index(MAX_VALUE) + 1;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;
    private double sum;

    /** The bucket of {@code v} (0 ≤ v ≤ MAX_VALUE). */
    static int index(long v) {
        if (v < 2 * SUB_COUNT) {
            return (int) v;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(v); // ≥ 7
        int shift = magnitude - SUB_BITS;
        return (shift << SUB_BITS) + (int) (v >>> shift);
    }

    /** The smallest value that falls in bucket {@code idx}. */
    static long lowestInBucket(int idx) {
        if (idx < 2 * SUB_COUNT) {
            return idx;
        }
        int shift = (idx >>> SUB_BITS) - 1;
        long sub = (idx & (SUB_COUNT - 1)) + SUB_COUNT;
        return sub << shift;
    }

    /** The largest value that falls in bucket {@code idx}. */
    static long highestInBucket(int idx) {
        return idx + 1 < BUCKETS ? lowestInBucket(idx + 1) - 1 : MAX_VALUE;
    }

    public void record(long value) {
        long v = value < 0 ? 0 : Math.min(value, MAX_VALUE);
        counts[index(v)]++;
        total++;
        sum += v;
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
    }

    /** Adds every count of {@code other} to this one. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public long count() {
        return total;
    }

    /** Exact smallest recorded value, 0 when empty. */
    public long min() {
        return total == 0 ? 0 : min;
    }

    /** Exact largest recorded value, 0 when empty. */
    public long max() {
        return max;
    }

    public double mean() {
        return total == 0 ? 0 : sum / total;
    }

    /**
     * The value at {@code percentile} (0-100): the top of the bucket holding the ceil(p% of n)-th
     * smallest value, never above the exact maximum. 0 when empty.
     */
    public long percentile(double percentile) {
        if (total == 0) {
            return 0;
        }
        double p = Math.max(0, Math.min(100, percentile));
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.max(min, Math.min(highestInBucket(i), max));
            }
        }
        return max;
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        sum = 0;
        min = Long.MAX_VALUE;
        max = 0;
    }
}
