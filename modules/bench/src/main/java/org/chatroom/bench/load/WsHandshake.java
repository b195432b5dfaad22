package org.chatroom.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client side of the RFC 6455 opening handshake for IRCv3 WebSocket: the upgrade request
 * asking for subprotocol {@value #SUBPROTOCOL}, and the check of the server's answer (101, the
 * accept hash of our key, the subprotocol chosen). Runs once per connection, so it may allocate.
 */
final class WsHandshake {
    static final String SUBPROTOCOL = Transport.WS_SUBPROTOCOL;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final String accept;
    private final byte[] request;

    /** @param host the Host header (host:port) @param path the endpoint, e.g. /socket */
    WsHandshake(String host, String path) {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        this.accept = acceptFor(key);
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: " + SUBPROTOCOL
                + "\r\nUser-Agent: chat-bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    byte[] request() {
        return request;
    }

    /** The Sec-WebSocket-Accept a server must answer to {@code key}. */
    static String acceptFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e); // every JDK must have it
        }
    }

    /** Where the response head {@code buf[from, end)} ends (after its blank line), or -1 if it has not yet. */
    static int headEnd(byte[] buf, int from, int end) {
        for (int i = from; i + 3 < end; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** Checks the response head; null when the upgrade succeeded, else what was wrong, in one line. */
    String check(byte[] buf, int from, int end) {
        String[] lines = new String(buf, from, end - from, StandardCharsets.ISO_8859_1).split("\r\n");
        String status = lines.length == 0 ? "" : lines[0];
        if (!status.matches("HTTP/1\\.1 101( .*)?")) {
            return "the WebSocket upgrade was refused: " + (status.isEmpty() ? "empty answer" : status);
        }
        String gotAccept = null;
        String protocol = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("sec-websocket-accept")) {
                gotAccept = value;
            } else if (name.equals("sec-websocket-protocol")) {
                protocol = value;
            }
        }
        if (!accept.equals(gotAccept)) {
            return "the WebSocket upgrade answer has a wrong Sec-WebSocket-Accept (" + gotAccept + ")";
        }
        if (!SUBPROTOCOL.equals(protocol)) {
            return "the server did not choose subprotocol " + SUBPROTOCOL + " (it chose " + protocol + ")";
        }
        return null;
    }
}
