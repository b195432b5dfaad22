package org.chatroom.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;

/**
 * The core's {@link org.chatroom.server.core.Outbound} port on a Netty channel: lines are copied
 * into one pending buffer per connection and written once per batch of loop work by the loop's
 * {@link LoopWriter}. When what waits here plus what the socket has not taken passes the channel's
 * high water mark ({@code sendq.bytes}), {@code overflow} runs once and nothing more is queued.
 * Confined to the channel's event loop.
 */
final class ChannelOutbound implements org.chatroom.server.core.Outbound {
    private static final int INITIAL_PENDING_BYTES = 1024;
    private static final io.netty.buffer.ByteBufAllocator UNPOOLED = io.netty.buffer.UnpooledByteBufAllocator.DEFAULT;
    static final int HOLD_BYTES = 16 * 1024;

    private final Channel ch;
    private final LoopWriter writer;
    private final OutputBudget budget;
    private Runnable overflow = () -> { };
    private Runnable overBudget = () -> { };
    private Runnable onRegistered = () -> { };
    /** Unsent bytes at the budget's last check; written by the budget's thread only. */
    volatile long lastUnsent;
    /** Bytes held in {@link #pending} across batches for a slow reader, for the budget's thread. */
    volatile int pendingBytes;
    private ByteBuf pending;
    private boolean dirty;
    private boolean overflowing;
    private volatile boolean doomed;
    private boolean slow;
    private boolean closing;

    ChannelOutbound(Channel ch, LoopWriter writer, OutputBudget budget) {
        this.ch = ch;
        this.writer = writer;
        this.budget = budget;
    }

    /** What to run once when this connection's queue passes {@code sendq.bytes}. */
    void onOverflow(Runnable action) {
        this.overflow = action;
    }

    /** What to run when the output budget picks this connection to drop. */
    void onOverBudget(Runnable action) {
        this.overBudget = action;
    }

    void onRegistered(Runnable action) {
        this.onRegistered = action;
    }

    @Override
    public void registered() {
        onRegistered.run();
    }

    boolean isDoomed() {
        return doomed;
    }

    Channel channel() {
        return ch;
    }

    boolean isOpen() {
        return ch.isActive() && !closing;
    }

    /** From the budget's thread: this connection is to go; from now on nothing more is queued to it. */
    void doom() {
        doomed = true;
        lane().execute(this::budgetExceeded);
    }

    /** On the loop: the output budget chose this connection. */
    private void budgetExceeded() {
        if (!overflowing && !closing) {
            overflowing = true;
            overBudget.run();
        }
    }

    @Override
    public LoopWriter lane() {
        return writer;
    }

    @Override
    public void write(byte[] line) {
        if (closing || overflowing || doomed || !ch.isActive()) {
            return;
        }
        if (pending == null) {
            // A slow reader's buffers may wait for minutes: from the pool they would pin whole chunks
            // of it (measured: 128 MB of direct memory held for 13 MB queued); unpooled, memory follows
            // what is queued. Readers that keep up stay on the fast pooled path.
            pending = (slow ? UNPOOLED : ch.alloc()).directBuffer(Math.max(INITIAL_PENDING_BYTES, line.length));
        }
        pending.writeBytes(line);
        writer.added(line.length);
        if (!dirty) {
            dirty = true;
            writer.markDirty(this);
        }
        if (pending.readableBytes() > ch.bytesBeforeUnwritable()) {
            overflowed(); // what it has not read plus what waits here passed sendq.bytes
        }
    }

    /**
     * The loop's batch is done: hand what is pending to the socket. While the socket has not taken
     * the last write (a slow reader), lines keep collecting in one buffer, up to {@link #HOLD_BYTES},
     * instead of one small buffer per batch: a small line in a 1 KiB buffer would cost twice its
     * size, and stalled readers would hold the difference. The output budget's check flushes a held
     * buffer once the socket has drained.
     */
    void flushPending() {
        dirty = false;
        ByteBuf buf = pending;
        if (buf == null) {
            return;
        }
        if (!ch.isActive()) {
            pending = null;
            pendingBytes = 0;
            buf.release();
            return;
        }
        if (doomed) {
            return; // closes soon; nothing more goes to its socket
        }
        slow = OutputBudget.unsent(ch) > 0;
        if (slow && buf.readableBytes() < HOLD_BYTES) {
            pendingBytes = buf.readableBytes();
            budget.backlogged(this);
            return;
        }
        pending = null;
        pendingBytes = 0;
        writer.countSent(buf.readableBytes());
        ch.writeAndFlush(buf, ch.voidPromise());
        if (!ch.isWritable()) {
            overflowed();
        } else if (OutputBudget.unsent(ch) > 0) {
            slow = true;
            budget.backlogged(this); // the socket did not take it all: count it against the budget
        }
    }

    /** From the budget's check once the socket took everything: send what was held back. */
    void flushHeld() {
        if (pending != null && !dirty) {
            flushPending();
        }
    }

    private void overflowed() {
        if (!overflowing) {
            overflowing = true;
            overflow.run();
        }
    }

    @Override
    public void close(byte[] lastLine) {
        if (closing) {
            return;
        }
        if (!overflowing) {
            write(lastLine);
        }
        closing = true;
        flushNow().addListener(ChannelFutureListener.CLOSE);
    }

    private ChannelFuture flushNow() {
        ByteBuf buf = pending;
        pending = null;
        pendingBytes = 0;
        if (buf == null || !ch.isActive()) {
            if (buf != null) {
                buf.release();
            }
            return ch.newSucceededFuture();
        }
        writer.countSent(buf.readableBytes());
        return ch.writeAndFlush(buf);
    }

    @Override
    public void abort() {
        closing = true;
        discard();
        ch.close();
    }

    /** Drops what waits for a connection that is gone. */
    void discard() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        pendingBytes = 0;
    }

    @Override
    public void pauseReading() {
        ch.config().setAutoRead(false);
    }

    @Override
    public void resumeReading() {
        if (ch.isActive()) {
            ch.config().setAutoRead(true);
        }
    }
}
