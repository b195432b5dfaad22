package org.chatroom.bench.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the controller and the I/O loops share during one run: the phase, the measurement
 * window, progress counters and per-sender sequence numbers. Times are nanoseconds since
 * {@link #epoch} (so never negative, and comparable across threads of this JVM).
 */
final class RunState {
    static final int CONNECTING = 0;
    static final int WARMUP = 1;
    static final int MEASURE = 2;
    static final int DRAIN = 3;
    static final int HOLD = 4;
    static final int QUIT = 5;

    final BenchConfig config;
    final long epoch = System.nanoTime();
    /** Marks this run's messages (see {@link Payload}). */
    final String runTag = Payload.newRunTag();
    /** After this (since epoch) every loop stops by itself, whatever the controller does. */
    final long hardDeadline;

    volatile int phase = CONNECTING;
    volatile long sendStart = Long.MAX_VALUE;
    volatile long measureStart = Long.MAX_VALUE;
    volatile long measureEnd = Long.MAX_VALUE;

    final AtomicInteger registered = new AtomicInteger();
    final AtomicInteger ready = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    /** Connections the server closed or that broke after setup (counted, not fatal). */
    final AtomicInteger dropped = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    /** Per sender: messages sent so far, published by the sender's loop. */
    final AtomicLongArray sent;
    /** Client number of each sender: spread evenly over the clients. */
    final int[] senderClient;
    private IoLoop[] loops = new IoLoop[0];

    RunState(BenchConfig config) {
        this.config = config;
        int senders = config.scenario().joinsRoom() ? config.senders() : 0;
        this.sent = new AtomicLongArray(senders);
        this.senderClient = new int[senders];
        for (int s = 0; s < senders; s++) {
            senderClient[s] = (int) ((long) s * config.clients() / senders);
        }
        long connectNanos = (long) (1e9 * config.clients() / Math.max(1, config.connectRate()));
        this.hardDeadline = connectNanos + config.setupTimeout().toNanos() + config.warmup().toNanos()
                + config.duration().toNanos() + config.drainTimeout().toNanos() + 30_000_000_000L;
    }

    long now() {
        return System.nanoTime() - epoch;
    }

    void loops(IoLoop[] all) {
        this.loops = all.clone();
    }

    /** Sender {@code s}'s messages below this number have reached every other member. */
    long delivered(int s) {
        long min = Long.MAX_VALUE;
        for (IoLoop loop : loops) {
            min = Math.min(min, loop.done(s));
        }
        return min;
    }

    /** The sender number of client {@code index}, or -1. */
    int senderOf(int index) {
        for (int s = 0; s < senderClient.length; s++) {
            if (senderClient[s] == index) {
                return s;
            }
        }
        return -1;
    }

    void error(String message) {
        firstError.compareAndSet(null, message);
    }

    String firstError() {
        return firstError.get();
    }
}
