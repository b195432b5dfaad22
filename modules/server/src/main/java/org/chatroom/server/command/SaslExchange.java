package org.chatroom.server.command;

/**
 * One connection's SASL exchange: the mechanism chosen and the payload gathered so far (a client
 * sends it in 400-byte chunks, the last shorter or {@code +}). Confined to the connection's lane.
 */
public final class SaslExchange {
    /** Longest payload accepted, decoded: PLAIN's three fields fit in far less. */
    static final int MAX_PAYLOAD = 1200;

    private String mechanism;
    private final StringBuilder payload = new StringBuilder();

    String mechanism() {
        return mechanism;
    }

    void start(String mech) {
        mechanism = mech;
        payload.setLength(0);
    }

    /** Adds one chunk; returns false when the whole would be too long. */
    boolean append(String chunk) {
        if (payload.length() + chunk.length() > MAX_PAYLOAD * 4 / 3 + 4) {
            return false;
        }
        payload.append(chunk);
        return true;
    }

    /** The base64 text gathered, and the exchange ended. */
    String finish() {
        String all = payload.toString();
        reset();
        return all;
    }

    void reset() {
        mechanism = null;
        payload.setLength(0);
    }
}
