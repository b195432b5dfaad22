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
    private final List<ChannelOutbound> dirty = new ArrayList<>();
    private final Runnable flushTask = this::flushDirty;
    private boolean flushScheduled;

    public LoopWriter(EventLoop loop, ServerStats stats) {
        this.loop = loop;
        this.stats = stats;
    }

    public EventLoop loop() {
        return loop;
    }

    @Override
    public boolean inLane() {
        return loop.inEventLoop();
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    /** {@code out} has pending bytes: flush it once this batch of loop work is done. */
    void markDirty(ChannelOutbound out) {
        dirty.add(out);
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(flushTask);
        }
    }

    void countSent(int bytes) {
        stats.bytesOut(bytes); // once per batch, not per delivery
    }

    private void flushDirty() {
        flushScheduled = false;
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flushPending();
        }
        dirty.clear();
    }
}
