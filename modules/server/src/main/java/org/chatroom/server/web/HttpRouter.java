package org.chatroom.server.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.config.ServerConfigKeys;

/**
 * Answers every HTTP request of one connection: {@code /health}, {@code /metrics}, the web client's
 * files, and {@code /socket}, which it checks (Origin, the real client address) and passes on to
 * the WebSocket handshake after it. Removed once the connection is a WebSocket.
 */
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LogManager.getLogger();
    static final String SOCKET_PATH = "/socket";
    /** Who the WebSocket user really is, for the session handlers added after the handshake. */
    static final AttributeKey<ClientOrigin> ORIGIN = AttributeKey.valueOf("chatroom.origin");

    private final WebResources web;
    private final WebInitializer.Role role;
    private final boolean tls;

    HttpRouter(WebResources web, WebInitializer.Role role, boolean tls) {
        super(false); // /socket requests go on to the handshake; the others are released here
        this.web = web;
        this.role = role;
        this.tls = tls;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        try {
            if (route(ctx, req)) {
                return; // handed on, not ours to release
            }
        } catch (RuntimeException e) {
            LOG.warn("HTTP {} {} failed", req.method(), req.uri(), e);
            HttpResponses.send(ctx, req, HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error"));
        }
        req.release();
    }

    /** True when the request was passed on down the pipeline. */
    private boolean route(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            HttpResponses.send(ctx, req, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "bad request"));
            return false;
        }
        String path = new QueryStringDecoder(req.uri()).path();
        boolean get = req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD);
        if (!get) {
            FullHttpResponse r = HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET and HEAD are served");
            r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            HttpResponses.send(ctx, req, r);
            return false;
        }
        if (path.equals("/health")) {
            health(ctx, req);
        } else if (path.equals("/metrics") && role.metrics() && web.metrics() != null) {
            WebMetrics.Scrape s = web.metrics().scrape();
            HttpResponses.send(ctx, req, noStore(HttpResponses.of(HttpResponseStatus.OK, s.contentType(), s.body())));
        } else if (path.equals(SOCKET_PATH) && role.client()) {
            return upgrade(ctx, req);
        } else if (role.client()) {
            file(ctx, req, path);
        } else {
            HttpResponses.send(ctx, req, HttpResponses.text(HttpResponseStatus.NOT_FOUND, "not found: " + path));
        }
        return false;
    }

    private void health(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean ready = web.ready().getAsBoolean();
        String body = ready
                ? "{\"status\":\"ready\",\"connections\":" + web.context().stats().connections()
                        + ",\"registered\":" + web.context().stats().registered() + "}\n"
                : "{\"status\":\"" + (web.context().shuttingDown() ? "stopping" : "starting") + "\"}\n";
        HttpResponses.send(ctx, req, noStore(HttpResponses.of(
                ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                "application/json", body.getBytes(StandardCharsets.UTF_8))));
    }

    private boolean upgrade(ChannelHandlerContext ctx, FullHttpRequest req) {
        var cfg = web.context().config();
        if (!new OriginPolicy(cfg.get(ServerConfigKeys.HTTP_ALLOWED_ORIGINS)).allows(req.headers())) {
            LOG.info("refused WebSocket from {}: origin {} not allowed (http.allowed.origins)",
                    ctx.channel().remoteAddress(), req.headers().get(HttpHeaderNames.ORIGIN));
            HttpResponses.send(ctx, req, HttpResponses.text(HttpResponseStatus.FORBIDDEN,
                    "origin not allowed: add it to http.allowed.origins"));
            return false;
        }
        ctx.channel().attr(ORIGIN).set(ClientOrigin.of((InetSocketAddress) ctx.channel().remoteAddress(), tls,
                req.headers(), cfg.get(ServerConfigKeys.HTTP_TRUSTED_PROXIES)));
        ctx.fireChannelRead(req);
        return true;
    }

    private void file(ChannelHandlerContext ctx, FullHttpRequest req, String path) {
        StaticFiles.File f = web.files().get(path);
        if (f == null) {
            HttpResponses.send(ctx, req, HttpResponses.text(HttpResponseStatus.NOT_FOUND, "not found: " + path));
            return;
        }
        FullHttpResponse r;
        if (f.etag().equals(req.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
            r = HttpResponses.of(HttpResponseStatus.NOT_MODIFIED, null, new byte[0]);
        } else {
            r = HttpResponses.of(HttpResponseStatus.OK, f.contentType(), f.body());
        }
        r.headers().set(HttpHeaderNames.ETAG, f.etag());
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache"); // revalidate: names carry no hash
        r.headers().set(HttpHeaderNames.CONTENT_SECURITY_POLICY, "default-src 'self'; connect-src 'self' ws: wss:;"
                + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        r.headers().set("Referrer-Policy", "no-referrer");
        HttpResponses.send(ctx, req, r);
    }

    private static FullHttpResponse noStore(FullHttpResponse r) {
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return r;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
