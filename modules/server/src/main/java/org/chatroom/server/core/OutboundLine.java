package org.chatroom.server.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.MessageTags;

/**
 * One line to deliver to one or many users. A recipient gets one of four forms (no tags;
 * {@code time}; {@code msgid} and client tags; both) by the capabilities it negotiated; each form
 * is encoded once, the first time a recipient needs it, and shared by every recipient after.
 * Safe to use from any thread; immutable apart from that cache.
 */
public final class OutboundLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final String ID_PREFIX = Long.toString(System.currentTimeMillis(), 36) + "-";
    private static final int TIME_BIT = 1;
    private static final int TAGS_BIT = 2;

    private final String body;
    private final long timeMillis;
    private final String tags;
    /** Another form of the same line (same msgid and time) for recipients with {@link #alternateCap}; or null. */
    private final OutboundLine alternate;
    private final Cap alternateCap;
    /** {@code account=NAME} (escaped) for recipients with account-tag, or null when the sender has no account. */
    private final String accountTag;
    private volatile byte[][] withAccount; // the four forms with accountTag, made on first use
    private volatile byte[] plain;
    private volatile byte[] timed;
    private volatile byte[] tagged;
    private volatile byte[] both;

    private OutboundLine(String body, long timeMillis, String tags) {
        this(body, timeMillis, tags, null, null);
    }

    private OutboundLine(String body, long timeMillis, String tags, Cap alternateCap, OutboundLine alternate) {
        this(body, timeMillis, tags, alternateCap, alternate, null);
    }

    private OutboundLine(String body, long timeMillis, String tags, Cap alternateCap, OutboundLine alternate,
                         String accountTag) {
        this.accountTag = accountTag;
        this.body = body;
        this.timeMillis = timeMillis;
        this.tags = tags;
        this.alternateCap = alternateCap;
        this.alternate = alternate;
    }

    /**
     * This line, except that recipients with {@code cap} get {@code message} instead (same msgid and
     * time), e.g. the {@code extended-join} form of a JOIN.
     */
    public OutboundLine or(Cap cap, IrcMessage message) {
        return new OutboundLine(body, timeMillis, tags, cap, new OutboundLine(message.toLine(), timeMillis, tags));
    }

    /**
     * This line with {@code account=} for recipients that negotiated account-tag (IRCv3), the same
     * msgid and time; {@code account} null = this line as it is.
     */
    public OutboundLine withAccount(String account) {
        if (account == null) {
            return this;
        }
        return new OutboundLine(body, timeMillis, tags, alternateCap, alternate,
                MessageTags.format(Map.of("account", account)));
    }

    /** A server-made line (JOIN, QUIT, MODE...) for many users, with a fresh msgid. */
    public static OutboundLine of(IrcMessage message) {
        return of(message, Map.of());
    }

    /** A relayed line with a fresh {@code msgid} and the sender's client-only tags ({@code +name}). */
    public static OutboundLine of(IrcMessage message, Map<String, String> clientTags) {
        return of(message, clientTags, System.currentTimeMillis());
    }

    /** Like {@link #of(IrcMessage, Map)} at {@code timeMillis} (history's strict per-target time). */
    public static OutboundLine of(IrcMessage message, Map<String, String> clientTags, long timeMillis) {
        String id = "msgid=" + ID_PREFIX + NEXT_ID.incrementAndGet();
        String tags = clientTags.isEmpty() ? id : id + ";" + MessageTags.format(clientTags);
        return new OutboundLine(message.toLine(), timeMillis, tags);
    }

    /**
     * A line played again from history: its original text, time and msgid, and its client-only tags
     * in wire form ({@code null} = none).
     */
    public static OutboundLine replay(String line, long timeMillis, String msgid, String clientTags) {
        String tags = clientTags == null || clientTags.isEmpty() ? "msgid=" + msgid : "msgid=" + msgid + ";" + clientTags;
        return new OutboundLine(line, timeMillis, tags);
    }

    /** The msgid every tagged form carries. */
    public String msgid() {
        int end = tags.indexOf(';');
        return tags.substring("msgid=".length(), end < 0 ? tags.length() : end);
    }

    /** The client-only tags in wire form, or null when there are none. */
    public String clientTags() {
        int end = tags.indexOf(';');
        return end < 0 ? null : tags.substring(end + 1);
    }

    /** The server-time of this line, epoch ms. */
    public long timeMillis() {
        return timeMillis;
    }

    /** The line without tags (no CRLF). */
    public String body() {
        return body;
    }

    /** A reply to one user only (numerics, notices): the time tag if asked for, never a msgid. */
    public static byte[] reply(IrcMessage message, int caps) {
        String line = message.toLine();
        return encode(Cap.SERVER_TIME.in(caps) ? "@time=" + TIME.format(Instant.now()) + " " + line : line);
    }

    /** The bytes a user with capability mask {@code caps} gets. */
    public byte[] bytesFor(int caps) {
        if (alternate != null && alternateCap.in(caps)) {
            return alternate.bytesFor(caps);
        }
        int variant = (Cap.SERVER_TIME.in(caps) ? TIME_BIT : 0) | (Cap.MESSAGE_TAGS.in(caps) ? TAGS_BIT : 0);
        if (accountTag != null && Cap.ACCOUNT_TAG.in(caps)) {
            return accountForm(variant);
        }
        byte[] b = switch (variant) {
            case 0 -> plain;
            case TIME_BIT -> timed;
            case TAGS_BIT -> tagged;
            default -> both;
        };
        return b != null ? b : encodeVariant(variant);
    }

    /** Two threads may encode the same form at once; both results are equal, either may stay. */
    private byte[] encodeVariant(int variant) {
        byte[] b;
        switch (variant) {
            case 0 -> plain = b = encode(body);
            case TIME_BIT -> timed = b = encode("@" + time() + " " + body);
            case TAGS_BIT -> tagged = b = encode("@" + tags + " " + body);
            default -> both = b = encode("@" + time() + ";" + tags + " " + body);
        }
        return b;
    }

    /** A form with {@code account=}; like the others, two threads may make it at once, either result stays. */
    private byte[] accountForm(int variant) {
        byte[][] forms = withAccount;
        if (forms == null) {
            withAccount = forms = new byte[4][];
        }
        byte[] b = forms[variant];
        if (b == null) {
            String head = switch (variant) {
                case 0 -> accountTag;
                case TIME_BIT -> time() + ";" + accountTag;
                case TAGS_BIT -> tags + ";" + accountTag;
                default -> time() + ";" + tags + ";" + accountTag;
            };
            forms[variant] = b = encode("@" + head + " " + body);
        }
        return b;
    }

    private String time() {
        return "time=" + TIME.format(Instant.ofEpochMilli(timeMillis));
    }

    private static byte[] encode(String line) {
        return (line + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return body;
    }
}
