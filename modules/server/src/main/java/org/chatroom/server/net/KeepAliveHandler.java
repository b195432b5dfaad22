package org.chatroom.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keep-alive on the loop's own clock ({@code ctx.executor().ticker()}): after {@code interval} of
 * silence it fires {@link ConnectionEvent#PING_DUE}; if nothing at all arrives within
 * {@code timeout} after that, {@link ConnectionEvent.Drop}. Any line counts as a sign of life, so it
 * sits before flood control. Its one timer is cancelled when the channel closes.
 */
final class KeepAliveHandler extends ChannelInboundHandlerAdapter {
    private final LongSupplier intervalNanos;
    private final LongSupplier timeoutNanos;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private long lastInput;
    private long pingSentAt = -1;

    /** Suppliers, so a reload changes the next wait. */
    KeepAliveHandler(LongSupplier intervalNanos, LongSupplier timeoutNanos) {
        this.intervalNanos = intervalNanos;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        lastInput = now();
        schedule(intervalNanos.getAsLong());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastInput = now();
        pingSentAt = -1;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        ctx.fireChannelInactive();
    }

    private void check() {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = now();
        if (pingSentAt >= 0) {
            long timeout = timeoutNanos.getAsLong();
            if (now - pingSentAt >= timeout) {
                long silentSeconds = TimeUnit.NANOSECONDS.toSeconds(now - lastInput);
                ctx.fireUserEventTriggered(new ConnectionEvent.Drop("Ping timeout: " + silentSeconds + " seconds"));
                return;
            }
            schedule(pingSentAt + timeout - now);
            return;
        }
        long silent = now - lastInput;
        long interval = intervalNanos.getAsLong();
        if (silent < interval) {
            schedule(interval - silent);
            return;
        }
        pingSentAt = now;
        ctx.fireUserEventTriggered(ConnectionEvent.PING_DUE);
        schedule(timeoutNanos.getAsLong());
    }

    private void schedule(long delayNanos) {
        timer = ctx.executor().schedule(this::check, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
    }

    private long now() {
        return ctx.executor().ticker().nanoTime();
    }
}
