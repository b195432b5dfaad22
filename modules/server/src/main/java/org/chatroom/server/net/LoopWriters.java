package org.chatroom.server.net;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.IdentityHashMap;
import java.util.Map;
import org.chatroom.server.core.ServerStats;

/** One {@link LoopWriter} (the lane) per worker event loop, fixed at start-up. */
public final class LoopWriters {
    private final Map<EventExecutor, LoopWriter> byLoop = new IdentityHashMap<>();

    public LoopWriters(EventLoopGroup workers, ServerStats stats) {
        for (EventExecutor e : workers) {
            byLoop.put(e, new LoopWriter((EventLoop) e, stats));
        }
    }

    public LoopWriter of(EventLoop loop) {
        LoopWriter w = byLoop.get(loop);
        if (w == null) {
            throw new IllegalStateException("channel on a loop outside the worker group: " + loop);
        }
        return w;
    }
}
