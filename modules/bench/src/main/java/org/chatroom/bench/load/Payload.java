package org.chatroom.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark message, {@code PRIVMSG #room :B<sender> <seq> <sentNanos> xxxx...}, written
 * and read without allocation. {@code sentNanos} is {@code System.nanoTime()} minus the run's
 * epoch, so it is never negative; the text is padded with 'x' to the configured length.
 */
public final class Payload {
    private final byte[] prefix;
    private final int textBytes;

    /** Fields of the last {@link #decode}d message. */
    public int sender;
    public long seq;
    public long sentNanos;

    public Payload(String room, int textBytes) {
        this.prefix = ("PRIVMSG " + room + " :").getBytes(StandardCharsets.US_ASCII);
        this.textBytes = textBytes;
    }

    /** Upper bound of one encoded line, CR LF included. */
    public int maxLineBytes() {
        return prefix.length + Math.max(textBytes, BenchConfig.MIN_PAYLOAD) + 2;
    }

    /**
     * Appends one message line, without CR LF (the client's framing adds it), to {@code out}, which
     * must have {@link #maxLineBytes()} free.
     */
    public void encode(ByteBuffer out, int senderNo, long sequence, long nanos) {
        out.put(prefix);
        int start = out.position();
        out.put((byte) 'B');
        putDecimal(out, senderNo);
        out.put((byte) ' ');
        putDecimal(out, sequence);
        out.put((byte) ' ');
        putDecimal(out, nanos);
        out.put((byte) ' ');
        while (out.position() - start < textBytes) {
            out.put((byte) 'x');
        }
    }

    static void putDecimal(ByteBuffer out, long v) {
        if (v == 0) {
            out.put((byte) '0');
            return;
        }
        int digits = 0;
        for (long t = v; t > 0; t /= 10) {
            digits++;
        }
        int end = out.position() + digits;
        for (int p = end - 1; p >= end - digits; p--) {
            out.put(p, (byte) ('0' + v % 10));
            v /= 10;
        }
        out.position(end);
    }

    /** Reads {@code buf[start, end)} (a message text); false when it is not a benchmark message. */
    public boolean decode(byte[] buf, int start, int end) {
        if (start >= end || buf[start] != 'B') {
            return false;
        }
        int i = start + 1;
        int next = readDecimal(buf, i, end);
        if (next < 0 || value > Integer.MAX_VALUE) {
            return false;
        }
        sender = (int) value;
        next = readDecimal(buf, next + 1, end);
        if (next < 0) {
            return false;
        }
        seq = value;
        next = readDecimal(buf, next + 1, end);
        if (next < 0) {
            return false;
        }
        sentNanos = value;
        return true;
    }

    private long value;

    /** Parses digits from {@code i} up to a space or {@code end} into {@link #value}; returns the stop index or -1. */
    private int readDecimal(byte[] buf, int i, int end) {
        long v = 0;
        int s = i;
        while (i < end && buf[i] != ' ') {
            int d = buf[i] - '0';
            if (d < 0 || d > 9 || i - s > 18) {
                return -1;
            }
            v = v * 10 + d;
            i++;
        }
        if (i == s) {
            return -1;
        }
        value = v;
        return i;
    }
}
