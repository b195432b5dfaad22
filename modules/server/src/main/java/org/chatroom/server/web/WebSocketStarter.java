package org.chatroom.server.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.net.SessionPipeline;

/**
 * Once the WebSocket handshake is done, makes the connection an IRC session: drops the HTTP-only
 * handlers, adds the frame↔line codec and the very handlers a TCP connection has (admission by the
 * real address, decoder, keep-alive, registration deadline, flood control, the core), then tells
 * them the connection is open.
 */
final class WebSocketStarter extends ChannelInboundHandlerAdapter {
    private final WebResources web;
    private final int frameLimit;

    WebSocketStarter(WebResources web, int frameLimit) {
        this.web = web;
        this.frameLimit = frameLimit;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof WebSocketServerProtocolHandler.HandshakeComplete done)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        ClientOrigin origin = ctx.channel().attr(HttpRouter.ORIGIN).get();
        if (origin == null) {
            ctx.close(); // cannot happen: the router sets it before passing the request on
            return;
        }
        ChannelPipeline p = ctx.pipeline();
        p.remove("router");
        p.remove("http-idle");
        p.remove(HttpAdmissionHandler.NAME); // from now on an IRC session, counted by the admission below
        boolean binary = WebInitializer.SUBPROTOCOL_BINARY.equals(done.selectedSubprotocol());
        String remote = origin.port() > 0
                ? SessionPipeline.remote(origin.address(), origin.port())
                : SessionPipeline.remote(origin.address(), ((InetSocketAddress) ctx.channel().remoteAddress()).getPort());
        p.addLast("ws-fragments", new WebSocketFrameAggregator(frameLimit));
        p.addLast("ws-ping", new WebSocketPingHandler(
                web.context().config().get(ServerConfigKeys.HTTP_PING_INTERVAL).toNanos()));
        p.addLast("ws-lines", new WebSocketLineCodec(binary));
        p.addLast("admission", SessionPipeline.admission(web.net(), origin.address()));
        p.addLast("ws-count", new SessionCounter(web.webSessions()));
        SessionPipeline.addSession(p, web.net(), origin.address(), remote, origin.secure());
        web.sessions().add(ctx.channel()); // told "server shutting down" like every TCP user
        ctx.fireChannelActive();
        p.remove(this);
    }
}
