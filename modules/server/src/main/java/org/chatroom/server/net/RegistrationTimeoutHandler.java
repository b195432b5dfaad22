package org.chatroom.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fires {@link ConnectionEvent#REGISTRATION_DUE} once, {@code timeout} after the connection opened,
 * on the loop's clock. The timer is cancelled when the channel closes, so a closed connection is
 * not kept alive by it (20,000 short connections used to pin 20,000 channels for 30 s).
 */
final class RegistrationTimeoutHandler extends ChannelInboundHandlerAdapter {
    private final long timeoutNanos;
    private ScheduledFuture<?> timer;

    RegistrationTimeoutHandler(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> {
            timer = null;
            ctx.fireUserEventTriggered(ConnectionEvent.REGISTRATION_DUE);
        }, timeoutNanos, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    /**
     * Taken out of the pipeline once the user has registered ({@link #doneWith}): a registered connection keeps
     * neither this handler nor its timer (10,000 users connecting within 30 s held 10,000 timers, issue 18).
     */
    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The connection has registered: its deadline is moot. On the channel's loop. */
    static void doneWith(io.netty.channel.ChannelPipeline p) {
        if (p.get(RegistrationTimeoutHandler.class) != null) {
            p.remove(RegistrationTimeoutHandler.class);
        }
    }
}
