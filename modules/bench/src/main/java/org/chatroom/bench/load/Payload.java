package org.chatroom.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark message, {@code PRIVMSG #room :B<run>.<sender> <seq> <sentNanos> xxxx...}, written
 * and read without allocation. {@code sentNanos} is {@code System.nanoTime()} minus the run's
 * epoch, so it is never negative; the text is padded with 'x' to the configured length.
 * {@code run} is a few letters drawn once per run ({@link #newRunTag}): a line another run sent
 * (a server's history replayed on JOIN, a second generator on the same room) is not one of ours
 * and is neither counted nor taken for an out-of-order one.
 */
public final class Payload {
    private final byte[] prefix;
    private final byte[] marker;
    private final int textBytes;

    /** Fields of the last {@link #decode}d message. */
    public int sender;
    public long seq;
    public long sentNanos;

    /** {@code run}: a few ASCII letters naming the run, the same for every loop of it. */
    public Payload(String room, int textBytes, String run) {
        this.prefix = ("PRIVMSG " + room + " :").getBytes(StandardCharsets.US_ASCII);
        this.marker = ("B" + run + ".").getBytes(StandardCharsets.US_ASCII);
        this.textBytes = textBytes;
    }

    /** Four random lower-case letters. */
    public static String newRunTag() {
        StringBuilder b = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
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
        out.put(marker);
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
        if (end - start < marker.length) {
            return false;
        }
        for (int k = 0; k < marker.length; k++) {
            if (buf[start + k] != marker[k]) {
                return false;
            }
        }
        int i = start + marker.length;
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
