package org.chatroom.server.net;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * First in the pipeline: counts the connection against {@code max.clients}, the per-address limits
 * and the connect rate, or turns it away with one ERROR line before anything else runs. The lease
 * is given back exactly once, when the channel closes.
 */
final class AdmissionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final ConnectionLimiter limiter;
    private final InetAddress address;
    private final java.util.concurrent.atomic.AtomicReference<Runnable> release =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean admitted;

    AdmissionHandler(ConnectionLimiter limiter, InetAddress address) {
        this.limiter = limiter;
        this.address = address;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ConnectionLimiter.Admission admission = limiter.tryAcquire(address);
        if (admission instanceof ConnectionLimiter.Refused refused) {
            LOG.info("refused connection from {}: {}", address.getHostAddress(), refused.reason());
            ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), "ERROR :Closing link: " + refused.reason() + "\r\n"))
                    .addListener(ChannelFutureListener.CLOSE);
            return; // the rest of the pipeline never hears of it
        }
        release.set(((ConnectionLimiter.Admitted) admission).release());
        admitted = true;
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!admitted) {
            io.netty.util.ReferenceCountUtil.release(msg); // refused: read nothing
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * Gives the connection's place back now, once, from any thread: a connection chosen to make
     * room must stop counting before it has finished closing, or newcomers would be refused meanwhile.
     */
    void release() {
        Runnable r = release.getAndSet(null);
        if (r != null) {
            r.run();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        if (admitted) {
            ctx.fireChannelInactive();
        }
    }
}
