package org.chatroom.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.IrcParseException;
import org.chatroom.server.core.ServerStats;

/**
 * Turns one framed line (delimiter already stripped) into an {@link IrcMessage}, or into a
 * {@link RejectedLine} when it is not valid UTF-8 (carrying the line with the bad bytes replaced,
 * so the session can name the command), carries a NUL or lone CR (which could smuggle a second
 * line into what others receive), or does not parse. Stateless and shared by all channels.
 */
@Sharable
public final class IrcLineDecoder extends MessageToMessageDecoder<ByteBuf> {
    /**
     * IRCv3 message-tags: a client's tag data, without the '@' and the space after it. The spec
     * gives clients 4094 bytes; the server's own tags (msgid, time, label, batch) have the rest of 8191.
     */
    public static final int MAX_CLIENT_TAG_DATA = 4094;
    /** The tag section a client may send, '@' and the space included. */
    public static final int MAX_TAG_BYTES = MAX_CLIENT_TAG_DATA + 2;

    private final ServerStats stats;
    private final int maxBodyBytes;

    /** {@code maxBodyBytes}: the limit of the line after its tags, without CRLF. */
    public IrcLineDecoder(ServerStats stats, int maxBodyBytes) {
        super(ByteBuf.class);
        this.stats = stats;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The framer refuses an over-long line with an exception (then skips to the next line): make it a line. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            ctx.fireChannelRead(RejectedLine.overlong());
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        int length = line.readableBytes();
        stats.bytesIn(length + 1L);
        if (length == 0) {
            out.add(RejectedLine.empty()); // ignored (Modern IRC), but it still costs flood tokens
            return;
        }
        int tagBytes = 0;
        if (line.getByte(line.readerIndex()) == '@') {
            int space = line.indexOf(line.readerIndex(), line.writerIndex(), (byte) ' ');
            tagBytes = space < 0 ? length : space - line.readerIndex() + 1;
        }
        if (tagBytes > MAX_TAG_BYTES || length - tagBytes > maxBodyBytes) {
            out.add(RejectedLine.overlong());
            return;
        }
        if (line.indexOf(line.readerIndex(), line.writerIndex(), (byte) 0) >= 0
                || line.indexOf(line.readerIndex(), line.writerIndex(), (byte) '\r') >= 0) {
            out.add(new RejectedLine("Line dropped: it held a NUL or CR character, which IRC does not allow"));
            return;
        }
        if (!ByteBufUtil.isText(line, StandardCharsets.UTF_8)) {
            out.add(RejectedLine.invalidUtf8(replaced(line.toString(StandardCharsets.UTF_8)))); // bad bytes → U+FFFD
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
            out.add(RejectedLine.empty());
            return;
        }
        try {
            out.add(IrcMessage.parse(text));
        } catch (IrcParseException e) {
            out.add(new RejectedLine("Line dropped: " + e.getMessage()));
        }
    }

    private static IrcMessage replaced(String text) {
        try {
            return text.isBlank() ? null : IrcMessage.parse(text);
        } catch (IrcParseException e) {
            return null;
        }
    }
}
