package org.chatroom.server.net;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import org.chatroom.server.command.CommandDispatcher;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;

/**
 * Builds each connection's pipeline, one concern per piece:
 * admission → [TLS] → framing (CRLF or LF, bounded) → UTF-8 check and parse → keep-alive →
 * registration deadline → flood control → the adapter to the core. Outbound we write
 * ready-encoded buffers, so there is no encoder.
 */
public final class ChatChannelInitializer extends io.netty.channel.ChannelInitializer<SocketChannel> {
    private final ServerContext context;
    private final CommandDispatcher dispatcher;
    private final ConnectionLimiter limiter;
    private final LoopWriters writers;
    private final ChannelGroup channels;
    private final IrcLineDecoder lineDecoder;
    private final SslContext tls;

    /** {@code tls} is null for the plain listener. */
    public ChatChannelInitializer(ServerContext context, LoopWriters writers, ChannelGroup channels,
                                  ConnectionLimiter limiter, CommandDispatcher dispatcher, SslContext tls) {
        this.context = context;
        this.writers = writers;
        this.channels = channels;
        this.limiter = limiter;
        this.dispatcher = dispatcher;
        this.tls = tls;
        // the limit counts CRLF; tags have their own budget on top (IRCv3 message-tags)
        this.lineDecoder = new IrcLineDecoder(context.stats(), context.config().get(ServerConfigKeys.MAX_LINE_BYTES) - 2);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        channels.add(ch);
        InetAddress address = ch.remoteAddress().getAddress();
        var cfg = context.config();
        int maxLine = cfg.get(ServerConfigKeys.MAX_LINE_BYTES) - 2 + IrcLineDecoder.MAX_TAG_BYTES;
        ChannelPipeline p = ch.pipeline();
        p.addLast("admission", new AdmissionHandler(limiter, address));
        if (tls != null) {
            p.addLast("tls", tls.newHandler(ch.alloc()));
        }
        p.addLast("framer", new LineBasedFrameDecoder(maxLine, true, false));
        p.addLast("decoder", lineDecoder);
        p.addLast("keepalive", new KeepAliveHandler(
                () -> context.config().get(ServerConfigKeys.PING_INTERVAL).toNanos(),
                () -> context.config().get(ServerConfigKeys.PING_TIMEOUT).toNanos()));
        p.addLast("registration", new RegistrationTimeoutHandler(cfg.get(ServerConfigKeys.REGISTRATION_TIMEOUT).toNanos()));
        p.addLast("flood", new FloodControlHandler(context, cfg.get(ServerConfigKeys.FLOOD_EXEMPT).contains(address)));
        p.addLast("client", new ClientHandler(context, dispatcher, writers, address.getHostAddress(), tls != null));
    }
}
