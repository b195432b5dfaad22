package org.chatroom.server.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a WebSocket ping every {@code http.ping.interval}: reverse proxies close a socket that is
 * quiet for their read timeout (nginx: 60 s), well before IRC's own PING would come. Liveness is
 * still IRC's keep-alive; this only keeps the path open. On the loop's clock, cancelled on close.
 */
final class WebSocketPingHandler extends ChannelInboundHandlerAdapter {
    private final long intervalNanos;
    private ScheduledFuture<?> timer;

    WebSocketPingHandler(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = ctx.executor().scheduleAtFixedRate(() -> {
            if (ctx.channel().isActive()) {
                ctx.writeAndFlush(new PingWebSocketFrame(), ctx.voidPromise());
            }
        }, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

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
}
