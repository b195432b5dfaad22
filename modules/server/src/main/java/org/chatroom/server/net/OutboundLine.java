package org.chatroom.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.user.Client;

/**
 * One line to deliver to one or many clients, encoded once per tag variant (none; {@code time};
 * {@code msgid} and client tags; both), chosen by what each recipient negotiated. Recipients get
 * {@code retainedDuplicate()}s of the same bytes. Call {@link #release()} when done fanning out.
 */
public final class OutboundLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final String ID_PREFIX = Long.toString(System.currentTimeMillis(), 36) + "-";

    /** Indexed by (server-time ? 1 : 0) | (message-tags ? 2 : 0). */
    private final ByteBuf[] variants;

    private OutboundLine(ByteBuf[] variants) {
        this.variants = variants;
    }

    /** Encodes a server-made line (numerics, JOIN, QUIT...) stamped with the current time. */
    public static OutboundLine of(IrcMessage message) {
        return of(message, Map.of());
    }

    /**
     * Encodes a relayed line with a fresh {@code msgid} and the sender's client-only tags
     * ({@code +name}), which only clients that negotiated message-tags receive.
     */
    public static OutboundLine of(IrcMessage message, Map<String, String> clientTags) {
        String line = message.toLine();
        String time = "time=" + TIME.format(Instant.now());
        StringBuilder tags = new StringBuilder("msgid=").append(ID_PREFIX).append(NEXT_ID.incrementAndGet());
        if (!clientTags.isEmpty()) {
            String encoded = new IrcMessage(clientTags, null, "X", java.util.List.of()).toLine();
            tags.append(';').append(encoded, 1, encoded.length() - 2); // "@a=b;c X" -> "a=b;c"
        }
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        return new OutboundLine(new ByteBuf[] {
            encode(alloc, line),
            encode(alloc, "@" + time + " " + line),
            encode(alloc, "@" + tags + " " + line),
            encode(alloc, "@" + time + ";" + tags + " " + line)});
    }

    /**
     * Encodes a server-made line for one client only, in the one form it takes (with {@code time}
     * if it asked for server-time): replies and notices need no second variant and no msgid.
     */
    public static ByteBuf encodeFor(IrcMessage message, Client client) {
        String line = message.toLine();
        return encode(ByteBufAllocator.DEFAULT,
                client.serverTime() ? "@time=" + TIME.format(Instant.now()) + " " + line : line);
    }

    private static ByteBuf encode(ByteBufAllocator alloc, String line) {
        ByteBuf buf = alloc.directBuffer(ByteBufUtil.utf8MaxBytes(line) + 2);
        ByteBufUtil.writeUtf8(buf, line);
        buf.writeByte('\r').writeByte('\n');
        return buf;
    }

    /** A new reference to the bytes {@code client} should get, for a write on another thread. */
    public ByteBuf bufFor(Client client) {
        return variantFor(client).retainedDuplicate();
    }

    /** The bytes {@code client} should get, borrowed: copy them before this line is released. */
    public ByteBuf variantFor(Client client) {
        return variants[(client.serverTime() ? 1 : 0) | (client.messageTags() ? 2 : 0)];
    }

    public OutboundLine retain() {
        for (ByteBuf b : variants) {
            b.retain();
        }
        return this;
    }

    public void release() {
        for (ByteBuf b : variants) {
            b.release();
        }
    }
}
