package org.chatroom.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/** Last in a test pipeline: keeps the user events and the messages that reach the end. */
final class EventRecorder extends ChannelInboundHandlerAdapter {
    final List<Object> events = new ArrayList<>();
    final List<Object> messages = new ArrayList<>();
    boolean active;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        active = true;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        events.add(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        messages.add(msg);
    }
}
