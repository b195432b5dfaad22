package org.chatroom.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * After Netty's {@code HAProxyMessageDecoder} on a connection from a trusted proxy: waits for the
 * PROXY header, then builds the rest of the pipeline for the client it names, so admission, flood
 * control, bans and logs see the real address, and only then tells that pipeline the connection is
 * active. A proxy that sends no header within the registration timeout is closed. A LOCAL header
 * (the proxy's own health check) is served as the proxy itself.
 */
final class ProxyHeaderHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    /** Builds the chat pipeline after this handler for the client at {@code address}. */
    interface Continuation {
        void build(io.netty.channel.ChannelPipeline pipeline, InetAddress address, int port);
    }

    private final Continuation continuation;
    private final long timeoutNanos;
    private ScheduledFuture<?> deadline;
    private boolean ready;

    ProxyHeaderHandler(Continuation continuation, long timeoutNanos) {
        this.continuation = continuation;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            LOG.info("proxy {} sent no PROXY header in time; closing", ctx.channel().remoteAddress());
            ctx.close();
        }, timeoutNanos, TimeUnit.NANOSECONDS);
        // not passed on: the chat handlers do not exist until the header says who the client is
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (ready) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!(msg instanceof HAProxyMessage header)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            InetSocketAddress proxy = (InetSocketAddress) ctx.channel().remoteAddress();
            InetAddress address = proxy.getAddress();
            int port = proxy.getPort();
            if (header.command() == HAProxyCommand.PROXY && header.sourceAddress() != null) {
                address = InetAddress.getByName(header.sourceAddress()); // an IP literal: no DNS lookup
                port = header.sourcePort();
            }
            deadline.cancel(false);
            ready = true;
            continuation.build(ctx.pipeline(), address, port);
            ctx.fireChannelActive();
        } catch (UnknownHostException e) {
            LOG.info("proxy {} sent a PROXY header with a bad address: {}", ctx.channel().remoteAddress(), e.getMessage());
            ctx.close();
        } finally {
            header.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!ready) { // a malformed header: the proxy is misconfigured, nobody to tell on the wire
            LOG.info("closing {}: bad PROXY header ({})", ctx.channel().remoteAddress(), cause.getMessage());
            ctx.close();
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (ready) {
            ctx.fireChannelInactive();
        }
    }
}
