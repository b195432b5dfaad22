package org.chatroom.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One budget for the output queued to all clients together. Each client's own {@code sendq.bytes}
 * bounds what one stalled reader can hold, but ten thousand of them could hold ten thousand times
 * that, far past the JVM's direct-memory limit. Connections whose socket did not take everything
 * are tracked here; every {@link #CHECK_MILLIS} ms the total is summed and, past the budget, the
 * connections holding the most unsent bytes are dropped until 3/4 of it is left. Running out of
 * memory is never the mechanism. Healthy clients never enter the set: their socket takes all.
 */
public final class OutputBudget implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    static final long CHECK_MILLIS = 25;

    private final long high;
    private final long low;
    private final Set<ChannelOutbound> backlogged = ConcurrentHashMap.newKeySet();
    private volatile long queued;
    private ScheduledFuture<?> checks;

    public OutputBudget(long budgetBytes) {
        this.high = budgetBytes;
        this.low = budgetBytes / 4 * 3;
    }

    /** Starts the periodic check on {@code executor} (any thread that does no I/O of its own). */
    public OutputBudget start(EventExecutor executor) {
        checks = executor.scheduleAtFixedRate(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    public long budget() {
        return high;
    }

    /** Bytes queued to all clients at the last check. */
    public long queued() {
        return queued;
    }

    /** From {@code out}'s loop after a flush the socket did not take whole. */
    void backlogged(ChannelOutbound out) {
        backlogged.add(out);
    }

    /** Unsent bytes of {@code ch}: a volatile read, safe from any thread. */
    static long unsent(Channel ch) {
        ChannelOutboundBuffer buf = ch.unsafe().outboundBuffer();
        return buf == null ? 0 : buf.totalPendingWriteBytes();
    }

    private final java.util.concurrent.locks.ReentrantLock checking = new java.util.concurrent.locks.ReentrantLock();
    private final java.lang.management.BufferPoolMXBean direct = java.lang.management.ManagementFactory
            .getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
            .filter(b -> b.getName().equals("direct")).findFirst().orElse(null);
    private final long directLimit = io.netty.util.internal.PlatformDependent.maxDirectMemory();
    private volatile long lastCheckNanos;

    /** From a loop that just queued a lot: check now unless a check ran within the last millisecond. */
    void checkSoon() {
        if (System.nanoTime() - lastCheckNanos > 1_000_000) {
            check();
        }
    }

    void check() {
        if (!checking.tryLock()) {
            return; // another thread is checking right now
        }
        try {
            lastCheckNanos = System.nanoTime();
            checkLocked();
        } finally {
            checking.unlock();
        }
    }

    /**
     * The budget counts unsent bytes; the memory holding them is more (buffer capacity, the
     * allocator's chunks). If the JVM's direct memory itself nears its limit, shed down to half
     * the budget, whatever the count says.
     */
    private long target() {
        if (direct != null && directLimit > 0 && direct.getMemoryUsed() > directLimit / 100 * 85) {
            return low / 2;
        }
        return -1;
    }

    private void checkLocked() {
        long total = 0;
        List<ChannelOutbound> holders = new ArrayList<>();
        for (ChannelOutbound out : backlogged) {
            if (out.isDoomed()) {
                backlogged.remove(out); // on its way out; its memory goes when it closes
                continue;
            }
            long socket = out.isOpen() ? unsent(out.channel()) : 0;
            long n = socket + (out.isOpen() ? out.pendingBytes : 0);
            if (socket == 0 && n > 0) {
                out.lane().execute(out::flushHeld); // drained: send what was held back for it
            }
            if (n == 0) {
                backlogged.remove(out);
            } else {
                out.lastUnsent = n;
                total += n;
                holders.add(out);
            }
        }
        queued = total;
        long target = target();
        if (target < 0) {
            if (total <= high) {
                return;
            }
            target = low;
        }
        holders.sort(Comparator.comparingLong((ChannelOutbound o) -> o.lastUnsent).reversed());
        int dropped = 0;
        for (ChannelOutbound out : holders) {
            if (total <= target) {
                break;
            }
            total -= out.lastUnsent;
            backlogged.remove(out);
            out.doom();
            dropped++;
        }
        if (dropped > 0) {
            LOG.warn("output queued to clients passed output.budget.bytes or direct memory ran low ({} queued,"
                    + " budget {}): dropping the {} holding the most", queued, high, dropped);
        }
    }

    @Override
    public void close() {
        if (checks != null) {
            checks.cancel(false);
        }
    }
}
