package org.chatroom.server.web;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts admitted WebSocket sessions for {@code chatroom_connections{transport="websocket"}}. It
 * sits after admission, which passes neither event on for a refused connection, so both are seen
 * once or not at all.
 */
@Sharable
final class SessionCounter extends ChannelInboundHandlerAdapter {
    private final AtomicInteger count;

    SessionCounter(AtomicInteger count) {
        this.count = count;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        count.incrementAndGet();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        count.decrementAndGet();
        ctx.fireChannelInactive();
    }
}
