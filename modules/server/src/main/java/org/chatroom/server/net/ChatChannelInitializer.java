package org.chatroom.server.net;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;

/**
 * Builds each connection's pipeline, one concern per piece:
 * [PROXY header, from trusted proxies] → admission → [TLS] → framing (CRLF or LF, bounded) → UTF-8 check and parse → keep-alive →
 * registration deadline → flood control → the adapter to the core. Outbound we write
 * ready-encoded buffers, so there is no encoder.
 */
public final class ChatChannelInitializer extends io.netty.channel.ChannelInitializer<SocketChannel> {
    private final NetResources net;
    private final ServerContext context;
    private final ChannelGroup channels;
    private final SslContext tls;
    private final boolean proxyProtocol;

    /** {@code tls} is null for the plain listener; {@code proxyProtocol}: trusted proxies send a PROXY header. */
    public ChatChannelInitializer(NetResources net, ChannelGroup channels, SslContext tls, boolean proxyProtocol) {
        this.net = net;
        this.proxyProtocol = proxyProtocol;
        this.context = net.context;
        this.channels = channels;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        channels.add(ch);
        InetSocketAddress peer = ch.remoteAddress();
        if (proxyProtocol && context.config().get(ServerConfigKeys.PROXY_TRUSTED).contains(peer.getAddress())) {
            ch.pipeline().addLast("proxy-decoder", new HAProxyMessageDecoder());
            ch.pipeline().addLast("proxy", new ProxyHeaderHandler(this::chatPipeline,
                    context.config().get(ServerConfigKeys.REGISTRATION_TIMEOUT).toNanos()));
        } else {
            chatPipeline(ch.pipeline(), peer.getAddress(), peer.getPort());
        }
    }

    /** The chat handlers, for the client at {@code address}: the peer, or who a PROXY header names. */
    private void chatPipeline(ChannelPipeline p, InetAddress address, int port) {
        p.addLast("admission", SessionPipeline.admission(net, address));
        if (tls != null) {
            p.addLast("tls", tls.newHandler(p.channel().alloc()));
        }
        p.addLast("framer", new LineBasedFrameDecoder(SessionPipeline.maxLineBytes(context), true, false));
        SessionPipeline.addSession(p, net, address, SessionPipeline.remote(address, port), tls != null);
    }
}
