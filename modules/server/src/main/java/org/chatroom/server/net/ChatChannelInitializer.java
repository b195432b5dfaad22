package org.chatroom.server.net;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.ServerContext;
import org.chatroom.server.command.CommandDispatcher;
import org.chatroom.server.config.ServerConfigKeys;

/**
 * Builds each connection's pipeline: TLS on the TLS listener, line framing (CRLF or LF, bounded), UTF-8 check and parse,
 * idle detection for keep-alive pings, then the client handler. Outbound we write ready-encoded
 * buffers, so there is no encoder.
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
        int maxLine = context.config().get(ServerConfigKeys.MAX_LINE_BYTES) - 2 + IrcLineDecoder.MAX_TAG_BYTES;
        long pingMillis = context.config().get(ServerConfigKeys.PING_INTERVAL).toMillis();
        ChannelPipeline p = ch.pipeline();
        if (tls != null) {
            p.addLast("tls", tls.newHandler(ch.alloc()));
        }
        p.addLast("framer", new LineBasedFrameDecoder(maxLine, true, false));
        p.addLast("decoder", lineDecoder);
        p.addLast("idle", new IdleStateHandler(pingMillis, 0, 0, TimeUnit.MILLISECONDS));
        p.addLast("client", new ClientHandler(context, dispatcher, limiter, writers));
    }
}
