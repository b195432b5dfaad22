package org.chatroom.server.support;

import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A raw WebSocket client on a real socket (Netty's client codec): sends any frame, including ones a
 * browser never would (bad UTF-8, binary on a text session, over-long), and records every line it
 * receives with its frame type, the close code and whether the handshake failed.
 */
public final class WsTestClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Boolean> binary = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean open = new AtomicBoolean();
    private volatile Integer closeCode;
    private volatile String failure;
    private volatile WebSocketClientHandshaker handshaker;
    private Channel ch;
    private int marks;

    private WsTestClient() {
    }

    /** Connects to {@code /socket}; {@code subprotocols} comma-separated or null; extra request headers. */
    public static WsTestClient connect(int port, String subprotocols, Map<String, String> headers) throws Exception {
        WsTestClient c = new WsTestClient();
        c.start(port, subprotocols, headers, 0);
        return c;
    }

    public static WsTestClient connect(int port, String subprotocols) throws Exception {
        return connect(port, subprotocols, Map.of());
    }

    /** Connects with the text subprotocol and registers as {@code nick}; waits for the default room. */
    public static WsTestClient registered(int port, String nick) throws Exception {
        return registered(port, nick, 0);
    }

    /** As {@link #registered(int, String)}, with a small kernel receive buffer ({@code rcvbuf} > 0) for stalling tests. */
    public static WsTestClient registered(int port, String nick, int rcvbuf) throws Exception {
        WsTestClient c = new WsTestClient();
        c.start(port, "text.ircv3.net", Map.of(), rcvbuf);
        c.awaitOpen();
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
        c.awaitLine(l -> l.contains(" 366 " + nick + " #lobby "));
        return c;
    }

    private void start(int port, String subprotocols, Map<String, String> extra, int rcvbuf) throws Exception {
        HttpHeaders headers = new DefaultHttpHeaders();
        extra.forEach(headers::add);
        handshaker = WebSocketClientHandshakerFactory.newHandshaker(new URI("ws://127.0.0.1:" + port + "/socket"),
                WebSocketVersion.V13, subprotocols, false, headers, 1 << 20);
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class);
        if (rcvbuf > 0) {
            b.option(io.netty.channel.ChannelOption.SO_RCVBUF, rcvbuf);
        }
        ch = b.handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
                c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                        new WebSocketClientProtocolHandler(handshaker, false), new Recorder());
            }
        }).connect("127.0.0.1", port).sync().channel();
        ch.closeFuture().addListener(f -> closed.set(true));
    }

    private final class Recorder extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                open.set(true);
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame f) {
            if (f instanceof TextWebSocketFrame || f instanceof BinaryWebSocketFrame) {
                lines.add(f.content().toString(StandardCharsets.UTF_8));
                binary.add(f instanceof BinaryWebSocketFrame);
            } else if (f instanceof CloseWebSocketFrame close) {
                closeCode = close.statusCode();
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failure = String.valueOf(cause.getMessage());
            ctx.close();
        }
    }

    public void awaitOpen() {
        await().atMost(WAIT).until(() -> open.get() || failure != null);
        if (!open.get()) {
            throw new AssertionError("handshake failed: " + failure);
        }
    }

    /** Waits until the handshake failed and returns why (e.g. the HTTP status). */
    public String awaitHandshakeFailure() {
        await().atMost(WAIT).until(() -> failure != null || (closed.get() && !open.get()));
        return String.valueOf(failure);
    }

    public String selectedSubprotocol() {
        return handshaker.actualSubprotocol();
    }

    /** Fails quietly once the server has closed, as a real peer would only notice later. */
    public void send(String line) {
        ch.writeAndFlush(new TextWebSocketFrame(line)).awaitUninterruptibly();
    }

    public void sendTextBytes(byte[] payload) {
        ch.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(payload))).awaitUninterruptibly();
    }

    public void sendBinary(byte[] payload) {
        ch.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload))).awaitUninterruptibly();
    }

    /** Stops reading from the socket, as a stalled browser tab would: the server's queue to it grows. */
    public void stopReading() {
        ch.config().setAutoRead(false);
    }

    public String awaitLine(Predicate<String> p) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                .until(() -> lines.stream().filter(p).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    public String awaitContains(String text) {
        return awaitLine(l -> l.contains(text));
    }

    /** Round-trips a PING so everything the server sent before it has arrived. */
    public void sync() {
        String token = "mark" + (++marks);
        send("PING :" + token);
        awaitLine(l -> l.contains("PONG") && l.endsWith(token));
    }

    public List<String> lines() {
        return lines;
    }

    /** Frame type of each received line, in order: true for binary. */
    public List<Boolean> binaryFrames() {
        return binary;
    }

    public void awaitClosed() {
        await().atMost(WAIT).untilTrue(closed);
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** The status code of the server's close frame, or null if none came. */
    public Integer closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        if (ch != null) {
            ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
