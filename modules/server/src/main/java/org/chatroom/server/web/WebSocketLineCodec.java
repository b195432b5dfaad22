package org.chatroom.server.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.util.ReferenceCountUtil;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * IRCv3 WebSocket framing: one IRC line per message, without CRLF. Inbound, a text or binary
 * frame becomes one line for the same decoder TCP uses (so UTF-8, NUL/CR and length are judged
 * alike; a binary frame on a text session is just bytes, as on TCP). Outbound, the batched
 * buffer of CRLF-ended lines the core's writer hands over is cut into one frame per line, text or
 * binary as negotiated, all in one buffer. Closing sends a close frame first.
 */
final class WebSocketLineCodec extends ChannelDuplexHandler {
    private static final Logger LOG = LogManager.getLogger();
    private final boolean binary;
    private boolean closeSent;

    WebSocketLineCodec(boolean binary) {
        this.binary = binary;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame)) {
            ReferenceCountUtil.release(msg); // pings, pongs and closes are the protocol handler's
            return;
        }
        ByteBuf content = ((WebSocketFrame) msg).content();
        int end = content.writerIndex();
        // the spec says no CRLF, but a client that sends one anyway means the same line
        if (end > content.readerIndex() && content.getByte(end - 1) == '\n') {
            end--;
            if (end > content.readerIndex() && content.getByte(end - 1) == '\r') {
                end--;
            }
        }
        content.writerIndex(end);
        ctx.fireChannelRead(content); // the decoder releases it, and the frame with it
    }

    /**
     * Frames the batch in one buffer: each line's CRLF becomes the next line's frame header, server
     * frames being unmasked, so a member's batch stays one buffer and one outbound entry, as over TCP.
     * (A frame object per line cost a header buffer and an outbound entry each: twice TCP's CPU per
     * delivery, docs/PERFORMANCE.md.) The buffer passes the frame encoder untouched, as it takes frames only.
     */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.write(msg, promise);
            return;
        }
        try {
            int start = buf.readerIndex();
            int end = buf.writerIndex();
            if (start >= end) {
                promise.trySuccess();
                return;
            }
            ByteBuf out = ctx.alloc().buffer(end - start + ((end - start) >> 5) + 10);
            int opcode = binary ? 0x82 : 0x81; // FIN + binary or text
            while (start < end) {
                int lf = buf.indexOf(start, end, (byte) '\n');
                int next = lf < 0 ? end : lf + 1;
                int stop = lf < 0 ? end : (lf > start && buf.getByte(lf - 1) == '\r' ? lf - 1 : lf);
                int length = stop - start;
                out.writeByte(opcode);
                if (length < 126) {
                    out.writeByte(length);
                } else if (length <= 0xFFFF) {
                    out.writeByte(126).writeShort(length);
                } else {
                    out.writeByte(127).writeLong(length);
                }
                out.writeBytes(buf, start, length);
                start = next;
            }
            ctx.write(out, promise);
        } finally {
            buf.release();
        }
    }

    /** The frame decoder already answered a broken or too-big frame with a close frame (1002/1009). */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException) {
            LOG.info("closing WebSocket {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
            ctx.close();
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    /** A WebSocket peer expects a close frame: browsers report a bare TCP close as an error (1006). */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!closeSent && ctx.channel().isActive()) {
            closeSent = true;
            // not waiting for the frame to go: a peer that stopped reading must not keep the socket
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
        ctx.close(promise);
    }
}
