package org.chatroom.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.chatroom.server.ServerStats;
import org.chatroom.server.user.Client;

/**
 * Writes for all clients of one event loop. Each delivery is copied into the recipient's own
 * pending buffer (a ~100-byte copy), and each touched client gets one write and one flush per
 * batch of loop work: with hundreds of recipients per room message, a buffer duplicate, an
 * outbound-queue entry and a syscall per delivery would dominate. Every method runs on
 * {@link #loop()} only.
 */
public final class LoopWriter {
    private static final int INITIAL_PENDING_BYTES = 1024;

    private final EventLoop loop;
    private final ServerStats stats;
    private final List<Client> dirty = new ArrayList<>();
    private final Runnable flushTask = this::flushDirty;
    private boolean flushScheduled;

    public LoopWriter(EventLoop loop, ServerStats stats) {
        this.loop = loop;
        this.stats = stats;
    }

    public EventLoop loop() {
        return loop;
    }

    /** Appends a copy of {@code line} (borrowed, not released) for {@code client}; sent after this batch. */
    public void append(Client client, ByteBuf line) {
        Channel ch = client.channel();
        if (!ch.isActive() || client.isOverflowing()) {
            return;
        }
        int n = line.readableBytes();
        ByteBuf pending = client.pending;
        if (pending == null) {
            pending = ch.alloc().directBuffer(Math.max(INITIAL_PENDING_BYTES, n));
            client.pending = pending;
        }
        pending.writeBytes(line, line.readerIndex(), n);
        if (!client.flushPending) {
            client.flushPending = true;
            dirty.add(client);
        }
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(flushTask);
        }
        if (pending.readableBytes() > ch.bytesBeforeUnwritable()) {
            client.sendQueueExceeded(); // what it has not read plus what waits here passed sendq.bytes
        }
    }

    /** Like {@link #append} for a buffer the caller hands over: it is released here. */
    public void write(Client client, ByteBuf owned) {
        try {
            append(client, owned);
        } finally {
            owned.release();
        }
    }

    /** Sends {@code client}'s pending bytes now; the future completes when they are written. */
    public ChannelFuture flushNow(Client client) {
        Channel ch = client.channel();
        ByteBuf pending = client.pending;
        client.pending = null;
        if (pending == null) {
            return ch.writeAndFlush(ch.alloc().buffer(0));
        }
        stats.bytesOut(pending.readableBytes());
        return ch.writeAndFlush(pending);
    }

    /** Drops what waits for a client that is gone. */
    public void discard(Client client) {
        ByteBuf pending = client.pending;
        client.pending = null;
        if (pending != null) {
            pending.release();
        }
    }

    private void flushDirty() {
        flushScheduled = false;
        for (int i = 0; i < dirty.size(); i++) {
            Client c = dirty.get(i);
            c.flushPending = false;
            ByteBuf pending = c.pending;
            if (pending == null) {
                continue;
            }
            c.pending = null;
            Channel ch = c.channel();
            if (!ch.isActive()) {
                pending.release();
                continue;
            }
            stats.bytesOut(pending.readableBytes()); // counted once per batch, not per delivery
            ch.writeAndFlush(pending, ch.voidPromise());
            if (!ch.isWritable()) {
                c.sendQueueExceeded();
            }
        }
        dirty.clear();
    }
}
