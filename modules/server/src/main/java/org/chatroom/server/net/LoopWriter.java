package org.chatroom.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.chatroom.server.ServerStats;
import org.chatroom.server.user.Client;

/**
 * Writes for all clients of one event loop, and flushes each touched channel once per batch of
 * loop work instead of once per message: with hundreds of recipients per room message, a syscall
 * per delivery would dominate. Every method runs on {@link #loop()} only.
 */
public final class LoopWriter {
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

    /** Queues {@code buf} (ownership passes here) to {@code client}; the flush follows after this batch. */
    public void write(Client client, ByteBuf buf) {
        Channel ch = client.channel();
        if (!ch.isActive()) {
            buf.release();
            return;
        }
        stats.bytesOut(buf.readableBytes());
        ch.write(buf, ch.voidPromise());
        if (!client.flushPending) {
            client.flushPending = true;
            dirty.add(client);
        }
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(flushTask);
        }
        if (!ch.isWritable()) {
            client.sendQueueExceeded();
        }
    }

    private void flushDirty() {
        flushScheduled = false;
        for (int i = 0; i < dirty.size(); i++) {
            Client c = dirty.get(i);
            c.flushPending = false;
            c.channel().flush();
        }
        dirty.clear();
    }
}
