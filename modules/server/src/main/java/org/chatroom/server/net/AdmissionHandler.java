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
    private Runnable release;

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
        release = ((ConnectionLimiter.Admitted) admission).release();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (release == null) {
            io.netty.util.ReferenceCountUtil.release(msg); // refused: read nothing
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (release != null) {
            release.run();
            release = null;
            ctx.fireChannelInactive();
        }
    }
}
