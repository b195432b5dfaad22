package org.chatroom.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One simulated IRC user: its socket, registration state, the unfinished tail of the last read
 * and the bytes waiting to be written. Owned by exactly one {@link IoLoop}.
 */
final class BenchClient {
    enum State { CONNECTING, REGISTERING, JOINING, READY, STALLED, CLOSED }

    /** Longest line accepted from the server (IRCv3 tags included) before the connection is failed. */
    static final int MAX_LINE = 16 * 1024;

    final int index;
    final byte[] nick;
    /** Sender number, or -1 for a receiver-only member. */
    final int sender;
    /** Per sender: the next sequence number this member expects (room scenarios only). */
    final long[] expected;

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

    /** Sender bookkeeping: messages sent so far (the next sequence number). */
    long sent;

    BenchClient(int index, String nick, int sender, int senders, int outBytes) {
        this.index = index;
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
