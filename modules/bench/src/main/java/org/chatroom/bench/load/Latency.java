package org.chatroom.bench.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The generator's latency histograms: HdrHistogram {@link Histogram}s of nanoseconds over a fixed
 * range. Fixed, not auto-resizing, so the counts array is allocated once and {@link #record} on
 * the load loop never allocates. Three significant digits: a reported percentile is within 0.1 %
 * of the true value. One histogram per I/O thread; the controller {@code add}s them at the end.
 */
public final class Latency {
    /** Largest value kept; a longer one is counted as this (a run's hard deadline is far shorter). */
    public static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);
    static final int SIGNIFICANT_DIGITS = 3;

    private Latency() {
    }

    /** A new empty histogram of nanoseconds, 1 ns to {@link #HIGHEST_NANOS}, about 270 KiB. */
    public static Histogram histogram() {
        return new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    /** Counts {@code nanos}, clamped to [0, {@link #HIGHEST_NANOS}] (HdrHistogram throws outside its range). */
    public static void record(Histogram h, long nanos) {
        h.recordValue(nanos < 0 ? 0 : Math.min(nanos, HIGHEST_NANOS));
    }
}
