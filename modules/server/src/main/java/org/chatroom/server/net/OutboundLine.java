package org.chatroom.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.user.Client;

/**
 * One line to deliver to one or many clients, encoded once per variant: plain, and with the
 * IRCv3 {@code @time=} tag for clients that asked for server-time. Recipients get
 * {@code retainedDuplicate()}s of the same bytes. Call {@link #release()} when done fanning out.
 */
public final class OutboundLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ByteBuf plain;
    private final ByteBuf timed;

    private OutboundLine(ByteBuf plain, ByteBuf timed) {
        this.plain = plain;
        this.timed = timed;
    }

    /** Encodes {@code message} (without tags of its own) stamped with the current time. */
    public static OutboundLine of(IrcMessage message) {
        return of(message.toLine(), Instant.now());
    }

    static OutboundLine of(String line, Instant now) {
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        ByteBuf plain = encode(alloc, line);
        ByteBuf timed = encode(alloc, "@time=" + TIME.format(now) + " " + line);
        return new OutboundLine(plain, timed);
    }

    private static ByteBuf encode(ByteBufAllocator alloc, String line) {
        ByteBuf buf = alloc.directBuffer(ByteBufUtil.utf8MaxBytes(line) + 2);
        ByteBufUtil.writeUtf8(buf, line);
        buf.writeByte('\r').writeByte('\n');
        return buf;
    }

    /** A new reference to the bytes {@code client} should get; the caller passes it on to a write. */
    public ByteBuf bufFor(Client client) {
        return (client.serverTime() ? timed : plain).retainedDuplicate();
    }

    public OutboundLine retain() {
        plain.retain();
        timed.retain();
        return this;
    }

    public void release() {
        plain.release();
        timed.release();
    }
}
