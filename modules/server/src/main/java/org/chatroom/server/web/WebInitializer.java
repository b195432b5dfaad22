package org.chatroom.server.web;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.net.SessionPipeline;

/**
 * Builds each HTTP connection's pipeline: the per-address HTTP limit → [TLS] → HTTP codec → one whole request at a time (GETs
 * only, so small) → an idle limit → {@link HttpRouter} → the WebSocket handshake for
 * {@code /socket} → {@link WebSocketStarter}, which turns the connection into an IRC session.
 */
final class WebInitializer extends ChannelInitializer<SocketChannel> {
    /** What a listener serves: the client and the socket, metrics, or both. */
    enum Role {
        CLIENT_AND_METRICS(true, true), CLIENT(true, false), METRICS(false, true);

        private final boolean client;
        private final boolean metrics;

        Role(boolean client, boolean metrics) {
            this.client = client;
            this.metrics = metrics;
        }

        boolean client() {
            return client;
        }

        boolean metrics() {
            return metrics;
        }
    }

    static final String SUBPROTOCOL_TEXT = "text.ircv3.net";
    static final String SUBPROTOCOL_BINARY = "binary.ircv3.net";
    private static final int MAX_REQUEST_BYTES = 16 * 1024;
    /** An HTTP connection that sends nothing this long is closed (slow or idle clients hold sockets). */
    static final int HTTP_IDLE_SECONDS = 30;

    private final WebResources web;
    private final ChannelGroup all;
    private final Role role;
    private final SslContext tls;

    WebInitializer(WebResources web, ChannelGroup all, Role role, SslContext tls) {
        this.web = web;
        this.all = all;
        this.role = role;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        all.add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast(HttpAdmissionHandler.NAME, new HttpAdmissionHandler(web.httpConnections(), web.context()));
        if (tls != null) {
            p.addLast("tls", tls.newHandler(ch.alloc()));
        }
        p.addLast("http", new HttpServerCodec());
        p.addLast("http-aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES));
        p.addLast("http-idle", new ReadTimeoutHandler(HTTP_IDLE_SECONDS, TimeUnit.SECONDS));
        p.addLast("router", new HttpRouter(web, role, tls != null));
        if (role.client()) {
            // a frame may hold one line with its tags (+2 for a CRLF some clients still send); longer
            // frames are closed with 1009 by the decoder; lines over the IRC limit but within it get 417
            int frameLimit = SessionPipeline.maxLineBytes(web.context()) + 2;
            WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath(HttpRouter.SOCKET_PATH)
                    .checkStartsWith(true)
                    .subprotocols(SUBPROTOCOL_TEXT + "," + SUBPROTOCOL_BINARY)
                    .handleCloseFrames(true)
                    .dropPongFrames(true)
                    .handshakeTimeoutMillis(10_000)
                    .decoderConfig(WebSocketDecoderConfig.newBuilder()
                            .maxFramePayloadLength(frameLimit)
                            .allowExtensions(false)
                            .withUTF8Validator(false) // bad UTF-8 gets the TCP answer (a NOTICE), not a close
                            .build())
                    .build();
            p.addLast("websocket", new WebSocketServerProtocolHandler(config));
            p.addLast("ws-starter", new WebSocketStarter(web, frameLimit));
        }
    }
}
