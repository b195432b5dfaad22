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

    private final Channel ch;
    private final LoopWriter writer;
    private Runnable overflow = () -> { };
    private ByteBuf pending;
    private boolean dirty;
    private boolean overflowing;
    private boolean closing;

    ChannelOutbound(Channel ch, LoopWriter writer) {
        this.ch = ch;
        this.writer = writer;
    }

    /** What to run once when the send queue passes its bound. */
    void onOverflow(Runnable action) {
        this.overflow = action;
    }

    @Override
    public LoopWriter lane() {
        return writer;
    }

    @Override
    public void write(byte[] line) {
        if (closing || overflowing || !ch.isActive()) {
            return;
        }
        if (pending == null) {
            pending = ch.alloc().directBuffer(Math.max(INITIAL_PENDING_BYTES, line.length));
        }
        pending.writeBytes(line);
        if (!dirty) {
            dirty = true;
            writer.markDirty(this);
        }
        if (pending.readableBytes() > ch.bytesBeforeUnwritable()) {
            overflowed(); // what it has not read plus what waits here passed sendq.bytes
        }
    }

    /** The loop's batch is done: hand what is pending to the socket. */
    void flushPending() {
        dirty = false;
        ByteBuf buf = pending;
        if (buf == null) {
            return;
        }
        pending = null;
        if (!ch.isActive()) {
            buf.release();
            return;
        }
        writer.countSent(buf.readableBytes());
        ch.writeAndFlush(buf, ch.voidPromise());
        if (!ch.isWritable()) {
            overflowed();
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
