package org.chatroom.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;

/**
 * A token bucket on every line a client sends — commands, PONGs, blank, over-long and refused
 * lines alike. Within {@code flood.burst} lines pass at once; past it they are held and released at
 * {@code flood.rate} per second (a delay, not a loss); a client that keeps sending until
 * {@code flood.max.queued} lines wait is dropped with Excess Flood. Time is the loop's ticker, so a
 * mock ticker drives it in tests. Confined to the channel's event loop.
 */
final class FloodControlHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final ServerContext context;
    private final boolean exempt;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> release;
    private double tokens;
    private long lastRefill;
    private boolean dropped;

    FloodControlHandler(ServerContext context, boolean exempt) {
        this.context = context;
        this.exempt = exempt;
        this.tokens = context.config().get(ServerConfigKeys.FLOOD_BURST);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        lastRefill = now();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (dropped) {
            return;
        }
        ServerConfig cfg = context.config();
        double rate = cfg.get(ServerConfigKeys.FLOOD_RATE);
        boolean limited = !exempt && rate > 0;
        if (held.isEmpty() && (!limited || take(rate, cfg))) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (held.size() >= cfg.get(ServerConfigKeys.FLOOD_MAX_QUEUED)) {
            dropped = true;
            held.clear();
            LOG.info("{} flooded past {} held lines", ctx.channel().remoteAddress(),
                    cfg.get(ServerConfigKeys.FLOOD_MAX_QUEUED));
            ctx.fireUserEventTriggered(new ConnectionEvent.Drop("Excess Flood"));
            return;
        }
        held.add(msg);
        scheduleRelease(limited ? rate : 0);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        held.clear();
        if (release != null) {
            release.cancel(false);
            release = null;
        }
        ctx.fireChannelInactive();
    }

    private void releaseHeld() {
        release = null;
        ServerConfig cfg = context.config();
        double rate = cfg.get(ServerConfigKeys.FLOOD_RATE);
        boolean limited = !exempt && rate > 0;
        while (!held.isEmpty() && ctx.channel().isActive() && (!limited || take(rate, cfg))) {
            ctx.fireChannelRead(held.poll());
        }
        if (!held.isEmpty() && ctx.channel().isActive()) {
            scheduleRelease(limited ? rate : 0);
        }
    }

    private void scheduleRelease(double rate) {
        if (release == null) {
            long delayNanos = rate == 0 ? 1 : Math.max(1, (long) Math.ceil((1 - tokens) / rate * 1e9));
            release = ctx.executor().schedule(this::releaseHeld, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private boolean take(double rate, ServerConfig cfg) {
        long now = now();
        tokens = Math.min(cfg.get(ServerConfigKeys.FLOOD_BURST), tokens + (now - lastRefill) / 1e9 * rate);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private long now() {
        return ctx.executor().ticker().nanoTime();
    }
}
