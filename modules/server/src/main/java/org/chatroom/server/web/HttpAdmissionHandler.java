package org.chatroom.server.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;

/**
 * First in an HTTP connection's pipeline (before TLS, so a refused connection costs no handshake):
 * counts it in {@link HttpConnections}, or closes it at once when its address already has
 * {@code http.max.connections.per.ip} open. The place is given back when the connection closes or
 * becomes a WebSocket ({@link WebSocketStarter} removes this handler).
 */
final class HttpAdmissionHandler extends ChannelInboundHandlerAdapter {
    static final String NAME = "http-admission";
    private static final Logger LOG = LogManager.getLogger();

    private final HttpConnections connections;
    private final ServerContext context;
    private InetAddress leased;

    HttpAdmissionHandler(HttpConnections connections, ServerContext context) {
        this.connections = connections;
        this.context = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        var cfg = context.config(); // read live: reload changes the limit for new connections
        if (HttpConnections.exempt(address, cfg)) {
            ctx.fireChannelActive();
        } else if (connections.tryAcquire(address, cfg)) {
            leased = address;
            ctx.fireChannelActive();
        } else {
            LOG.info("refused HTTP connection from {}: {} open at once (http.max.connections.per.ip)",
                    address.getHostAddress(), cfg.get(ServerConfigKeys.HTTP_MAX_CONNECTIONS_PER_IP));
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!ctx.channel().isActive()) {
            ReferenceCountUtil.release(msg); // refused and closing: read nothing
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (leased != null) {
            connections.release(leased);
            leased = null;
        }
    }
}
