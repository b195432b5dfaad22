package org.chatroom.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one run measured. Times in nanoseconds unless the name says otherwise; -1 where a
 * value does not apply (no messages in scenario C) or could not be measured.
 *
 * @param config              what was run
 * @param requested           connections asked for
 * @param registered          connections that got 001
 * @param ready               connections registered (C) or in the room (F1/F2)
 * @param failed              connections that could not connect, register or join
 * @param dropped             connections lost after they were ready
 * @param timeToAllReady      from the first connect to the last client ready (-1 if not all were)
 * @param registerLatency     connect start to 001, per connection
 * @param measuredNanos       length of the measurement window (F1/F2) or hold (C)
 * @param sentInWindow        messages sent in the window
 * @param deliveriesInWindow  messages received by members in the window
 * @param latency             send to receive, for messages sent in the window
 * @param sentTotal           messages sent, warm-up included
 * @param expectedDeliveries  sentTotal times the members other than the sender
 * @param deliveries          deliveries received in order, warm-up and drain included
 * @param lost                expected minus received (after the drain)
 * @param outOfOrder          deliveries that arrived twice or behind a later one
 * @param serverCpuCores      server CPU seconds per second in the window (needs --server-pid)
 * @param serverRssBytes      server resident memory at the end of the window (needs --server-pid)
 * @param generatorCpuCores   this tool's CPU seconds per second in the window
 * @param firstError          the first problem seen, or null
 */
public record RunResult(BenchConfig config, int requested, int registered, int ready, int failed, int dropped,
                        long timeToAllReady, Histogram registerLatency, long measuredNanos, long sentInWindow,
                        long deliveriesInWindow, Histogram latency, long sentTotal, long expectedDeliveries,
                        long deliveries, long lost, long outOfOrder, double serverCpuCores, long serverRssBytes,
                        double generatorCpuCores, String firstError) {

    public double deliveriesPerSecond() {
        return measuredNanos <= 0 ? 0 : deliveriesInWindow * 1e9 / measuredNanos;
    }

    public double messagesPerSecond() {
        return measuredNanos <= 0 ? 0 : sentInWindow * 1e9 / measuredNanos;
    }

    /** Whether everything connected and every message reached every member. */
    public boolean ok() {
        return failed == 0 && dropped == 0 && ready == requested && lost == 0 && outOfOrder == 0;
    }
}
