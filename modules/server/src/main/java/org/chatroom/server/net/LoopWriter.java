package org.chatroom.server.net;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.chatroom.server.core.Lane;
import org.chatroom.server.core.ServerStats;

/**
 * The lane of one event loop, and the writer for all its connections. Each delivery is copied into
 * the recipient's own pending buffer (a ~100-byte copy), and each touched connection gets one write
 * and one flush per batch of loop work: with hundreds of recipients per room message, a buffer
 * duplicate, an outbound-queue entry and a syscall per delivery would dominate. Every method but
 * {@link #execute} and {@link #inLane} runs on the loop only.
 */
public final class LoopWriter implements Lane {
    private final EventLoop loop;
    private final ServerStats stats;
    /** Bytes queued in this batch past which the batch is flushed at once, not at its end. */
    static final int EARLY_FLUSH_BYTES = 1024 * 1024;

    private final List<ChannelOutbound> dirty = new ArrayList<>();
    private final Runnable flushTask = this::flushDirty;
    private final OutputBudget budget;
    private boolean flushScheduled;
    private long batchBytes;

    public LoopWriter(EventLoop loop, ServerStats stats, OutputBudget budget) {
        this.loop = loop;
        this.stats = stats;
        this.budget = budget;
    }

    @Override
    public boolean inLane() {
        return loop.inEventLoop();
    }

    /** A loop that is shutting down refuses tasks: its connections are closing, so what was for them goes too. */
    @Override
    public void execute(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the daemon is stopping; nothing on this loop will be written anyway
        }
    }

    @Override
    public java.util.concurrent.Future<?> schedule(Runnable task, java.time.Duration delay) {
        return loop.schedule(task, delay.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** {@code out} has pending bytes: flush it once this batch of loop work is done. */
    void markDirty(ChannelOutbound out) {
        dirty.add(out);
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(flushTask);
        }
    }

    /** {@code n} bytes were queued to one connection in this batch. */
    void added(int n) {
        batchBytes += n;
    }

    /**
     * When another loop hands this one deliveries faster than it sends them, the end of the batch
     * may be thousands of tasks away, and every member's pending buffer would grow until then,
     * unseen by the output budget. Past {@link #EARLY_FLUSH_BYTES} the batch is sent now, and what
     * the sockets do not take is counted where the budget sees it.
     */
    @Override
    public void afterFanOut() {
        if (batchBytes >= EARLY_FLUSH_BYTES) {
            flushDirty();
            budget.checkSoon();
        }
    }

    void countSent(int bytes) {
        stats.bytesOut(bytes); // once per batch, not per delivery
    }

    private void flushDirty() {
        flushScheduled = false;
        batchBytes = 0;
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flushPending();
        }
        dirty.clear(); // an early flush leaves the scheduled task nothing to do, which is harmless
    }
}
