package org.chatroom.server.net;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import org.chatroom.server.context.ServerContext;

/**
 * Builds each connection's pipeline, one concern per piece:
 * admission → [TLS] → framing (CRLF or LF, bounded) → UTF-8 check and parse → keep-alive →
 * registration deadline → flood control → the adapter to the core. Outbound we write
 * ready-encoded buffers, so there is no encoder.
 */
public final class ChatChannelInitializer extends io.netty.channel.ChannelInitializer<SocketChannel> {
    private final NetResources net;
    private final ServerContext context;
    private final ChannelGroup channels;
    private final SslContext tls;

    /** {@code tls} is null for the plain listener. */
    public ChatChannelInitializer(NetResources net, ChannelGroup channels, SslContext tls) {
        this.net = net;
        this.context = net.context;
        this.channels = channels;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        channels.add(ch);
        InetAddress address = ch.remoteAddress().getAddress();
        ChannelPipeline p = ch.pipeline();
        p.addLast("admission", SessionPipeline.admission(net, address));
        if (tls != null) {
            p.addLast("tls", tls.newHandler(ch.alloc()));
        }
        p.addLast("framer", new LineBasedFrameDecoder(SessionPipeline.maxLineBytes(context), true, false));
        SessionPipeline.addSession(p, net, address, SessionPipeline.remote(address, ch.remoteAddress().getPort()),
                tls != null);
    }
}
