package org.chatroom.server.net;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
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
    private final IrcLineDecoder lineDecoder;
    private final SslContext tls;

    private final boolean proxyProtocol;

    /** {@code tls} is null for the plain listener; {@code proxyProtocol}: trusted proxies send a PROXY header. */
    public ChatChannelInitializer(NetResources net, ChannelGroup channels, SslContext tls, boolean proxyProtocol) {
        this.net = net;
        this.proxyProtocol = proxyProtocol;
        this.context = net.context;
        this.channels = channels;
        this.tls = tls;
        // the limit counts CRLF; tags have their own budget on top (IRCv3 message-tags)
        this.lineDecoder = new IrcLineDecoder(context.stats(), context.config().get(ServerConfigKeys.MAX_LINE_BYTES) - 2);
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
        var cfg = context.config();
        int maxLine = cfg.get(ServerConfigKeys.MAX_LINE_BYTES) - 2 + IrcLineDecoder.MAX_TAG_BYTES;
        p.addLast("admission", new AdmissionHandler(net.limiter, address));
        if (tls != null) {
            p.addLast("tls", tls.newHandler(p.channel().alloc()));
        }
        p.addLast("framer", new LineBasedFrameDecoder(maxLine, true, false));
        p.addLast("decoder", lineDecoder);
        p.addLast("keepalive", new KeepAliveHandler(
                () -> context.config().get(ServerConfigKeys.PING_INTERVAL).toNanos(),
                () -> context.config().get(ServerConfigKeys.PING_TIMEOUT).toNanos()));
        p.addLast("registration", new RegistrationTimeoutHandler(cfg.get(ServerConfigKeys.REGISTRATION_TIMEOUT).toNanos()));
        p.addLast("flood", new FloodControlHandler(context, cfg.get(ServerConfigKeys.FLOOD_EXEMPT).contains(address)));
        String host = address.getHostAddress();
        String remote = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        p.addLast("client", new ClientHandler(net, host, remote, tls != null));
    }
}
