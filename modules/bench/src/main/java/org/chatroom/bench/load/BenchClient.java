package org.chatroom.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One simulated IRC user: its socket, registration state, the unfinished tail of the last read
 * and the bytes waiting to be written. Owned by exactly one {@link IoLoop}. Every line goes out
 * through {@link #beginLine}/{@link #endLine}: CR LF on TCP, a masked text frame on WebSocket.
 */
final class BenchClient {
    enum State { CONNECTING, HANDSHAKE, REGISTERING, JOINING, READY, STALLED, CLOSED }

    /** Longest line accepted from the server (IRCv3 tags included) before the connection is failed. */
    static final int MAX_LINE = 16 * 1024;
    /** Most bytes a line needs besides its text: a client frame header (2 + 2 of length + 4 of mask key). */
    static final int MAX_FRAMING = 8;
    private static final int SHORT_HEADER = 6;

    final int index;
    final byte[] nick;
    /** Sender number, or -1 for a receiver-only member. */
    final int sender;
    /** Per sender: the next sequence number this member expects (room scenarios only). */
    final long[] expected;
    /** WebSocket framing (else plain CRLF lines). */
    final boolean ws;
    /** The server this member connects to. */
    final InetSocketAddress target;
    /** The upgrade in progress (state HANDSHAKE), then null. */
    WsHandshake handshake;

    SocketChannel channel;
    SelectionKey key;
    State state = State.CONNECTING;
    long connectStartNanos;
    long registeredNanos;
    long readyNanos;

    byte[] carry = new byte[0];
    int carryLength;
    ByteBuffer out;
    private boolean wantWrite;
    private int lineStart;
    private int maskSeed;

    /** Sender bookkeeping: messages sent so far (the next sequence number). */
    long sent;

    BenchClient(int index, String nick, int sender, int senders, int outBytes, boolean ws, InetSocketAddress target) {
        this.index = index;
        this.target = target;
        this.ws = ws;
        this.maskSeed = 0x9E3779B9 * (index + 1) | 1;
        this.nick = nick.getBytes(StandardCharsets.US_ASCII);
        this.sender = sender;
        this.expected = new long[senders];
        this.out = ByteBuffer.allocate(outBytes);
    }

    String nickText() {
        return new String(nick, StandardCharsets.US_ASCII);
    }

    /** Appends raw bytes to the output, growing it when needed (rare: registration, PONG). */
    void queue(byte[] bytes, int off, int len) {
        ensureRoom(len);
        out.put(bytes, off, len);
    }

    void queue(byte[] bytes) {
        queue(bytes, 0, bytes.length);
    }

    /** Queues one whole line (without CR LF). */
    void line(byte[] text) {
        beginLine();
        queue(text);
        endLine();
    }

    /** Starts a line: what is queued until {@link #endLine} is its text. On WebSocket, leaves room for the header. */
    void beginLine() {
        if (ws) {
            ensureRoom(MAX_FRAMING);
            lineStart = out.position();
            out.position(lineStart + SHORT_HEADER);
        }
    }

    /** Ends the line begun last: CR LF, or frames it as one masked text frame. */
    void endLine() {
        if (ws) {
            endFrame(WsFrame.TEXT);
        } else {
            ensureRoom(2);
            out.put((byte) '\r').put((byte) '\n');
        }
    }

    /** Queues a control frame (WebSocket only), e.g. the pong to a ping with its payload. */
    void frame(int opcode, byte[] payload, int off, int len) {
        beginLine();
        queue(payload, off, len);
        endFrame(opcode);
    }

    /**
     * Writes the header in front of the text queued since {@link #beginLine} and masks the text in
     * place (RFC 6455 5.3: every client frame is masked). Lengths of 126 and more take the 16-bit
     * form, so the text moves two bytes on (lengths must use the shortest form).
     */
    private void endFrame(int opcode) {
        int start = lineStart + SHORT_HEADER;
        int len = out.position() - start;
        if (len > 0xFFFF) {
            throw new IllegalStateException("a line of " + len + " bytes does not fit a short frame");
        }
        if (len >= 126) {
            ensureRoom(2);
            System.arraycopy(out.array(), start, out.array(), start + 2, len);
            start += 2;
        }
        byte[] a = out.array();
        int h = lineStart;
        a[h++] = (byte) (0x80 | opcode);
        if (len < 126) {
            a[h++] = (byte) (0x80 | len);
        } else {
            a[h++] = (byte) (0x80 | 126);
            a[h++] = (byte) (len >>> 8);
            a[h++] = (byte) len;
        }
        int key = nextMaskKey();
        a[h] = (byte) (key >>> 24);
        a[h + 1] = (byte) (key >>> 16);
        a[h + 2] = (byte) (key >>> 8);
        a[h + 3] = (byte) key;
        for (int i = 0; i < len; i++) {
            a[start + i] ^= a[h + (i & 3)];
        }
        out.position(start + len);
    }

    /**
     * A new mask key per frame (xorshift32): the mask only keeps a browser's page from steering bytes
     * past caching proxies, so for a load generator unpredictable enough, and free of allocation.
     */
    private int nextMaskKey() {
        int x = maskSeed;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        maskSeed = x;
        return x;
    }

    void ensureRoom(int len) {
        if (out.remaining() < len) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + len));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
    }

    /** Writes what the socket takes now; asks for OP_WRITE while bytes remain. */
    void flush() throws IOException {
        if (out.position() == 0) {
            return;
        }
        out.flip();
        channel.write(out);
        out.compact();
        boolean more = out.position() > 0;
        if (more != wantWrite && key != null && key.isValid()) {
            key.interestOps(more ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            wantWrite = more;
        }
    }

    boolean hasPendingOutput() {
        return out.position() > 0;
    }

    /** Keeps {@code buf[from, to)} as the start of the next read. */
    void keepTail(byte[] buf, int from, int to) {
        int len = to - from;
        if (carry.length < len) {
            carry = new byte[Math.max(len, 256)];
        }
        System.arraycopy(buf, from, carry, 0, len);
        carryLength = len;
    }

    void close() {
        state = State.CLOSED;
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a socket we are done with: nothing to do about it
            }
        }
    }
}
