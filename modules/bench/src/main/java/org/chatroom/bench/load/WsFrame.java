package org.chatroom.bench.load;

/**
 * One RFC 6455 frame header read from the server, in place: {@link #read} decodes the header at a
 * position of the read buffer into these fields without allocating. Server frames are never masked
 * (section 5.1); lengths use the minimal encoding, and frames longer than an IRC line are refused.
 */
final class WsFrame {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    static final int INCOMPLETE = 0;
    static final int COMPLETE = 1;
    static final int BROKEN = -1;

    int opcode;
    boolean fin;
    int payloadStart;
    int payloadEnd;
    /** Why the last {@link #read} returned {@link #BROKEN}. */
    String error;

    /**
     * Reads the frame starting at {@code buf[p]}, with bytes up to {@code end} available.
     *
     * @return {@link #COMPLETE} (fields set, payload is {@code buf[payloadStart, payloadEnd)}),
     *     {@link #INCOMPLETE} (read more first) or {@link #BROKEN} ({@link #error} says why)
     */
    int read(byte[] buf, int p, int end, int maxPayload) {
        if (end - p < 2) {
            return INCOMPLETE;
        }
        int b0 = buf[p] & 0xff;
        int b1 = buf[p + 1] & 0xff;
        if ((b1 & 0x80) != 0) {
            error = "the server sent a masked WebSocket frame";
            return BROKEN;
        }
        if ((b0 & 0x70) != 0) {
            error = "the server sent a WebSocket frame with reserved bits set (no extension was agreed)";
            return BROKEN;
        }
        int header = 2;
        long length = b1 & 0x7f;
        if (length == 126) {
            if (end - p < 4) {
                return INCOMPLETE;
            }
            length = ((buf[p + 2] & 0xff) << 8) | (buf[p + 3] & 0xff);
            header = 4;
        } else if (length == 127) {
            if (end - p < 10) {
                return INCOMPLETE;
            }
            length = 0;
            for (int i = 2; i < 10; i++) {
                length = (length << 8) | (buf[p + i] & 0xff);
            }
            header = 10;
        }
        if (length > maxPayload || length < 0) {
            error = "the server sent a WebSocket frame of " + length + " bytes, more than " + maxPayload;
            return BROKEN;
        }
        if (end - p - header < length) {
            return INCOMPLETE;
        }
        opcode = b0 & 0x0f;
        fin = (b0 & 0x80) != 0;
        payloadStart = p + header;
        payloadEnd = payloadStart + (int) length;
        return COMPLETE;
    }
}
