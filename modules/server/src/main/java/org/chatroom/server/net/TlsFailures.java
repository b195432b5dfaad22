package org.chatroom.server.net;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tells a failed TLS handshake (a client's problem, logged at INFO) from our own errors, and says why it failed. */
final class TlsFailures {
    /** A run of hex digits this long is bytes the client sent, not a reason (Netty puts them in its messages). */
    private static final Pattern HEX_RUN = Pattern.compile("(?i)\\b[0-9a-f]{16,}\\b");
    private static final int MAX_REASON = 200;

    private TlsFailures() {
    }

    static boolean isTlsFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof io.netty.handler.ssl.NotSslRecordException) {
                return true;
            }
        }
        return false;
    }

    /** What {@link ClientHandler} logs for a failed handshake: {@link #reason}. */
    static String rootMessage(Throwable cause) {
        return reason(cause);
    }

    /**
     * Why the handshake failed, in words: never the client's bytes (which Netty's "not an SSL/TLS
     * record: 4e49434b…" spells out in hex, and which could be anything the client chose to send).
     */
    static String reason(Throwable cause) {
        Throwable root = cause;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof io.netty.handler.ssl.NotSslRecordException) {
                return "not a TLS record (" + guess(t.getMessage()) + ")";
            }
            root = t;
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = HEX_RUN.matcher(message).replaceAll("…");
        return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message;
    }

    /** Plain IRC or HTTP sent to the TLS port is the usual cause; say so when the first bytes show it. */
    private static String guess(String message) {
        String hex = message == null ? "" : message.substring(message.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        for (String word : new String[] {"NICK", "USER", "CAP ", "PASS", "GET ", "POST"}) {
            StringBuilder sb = new StringBuilder();
            for (char c : word.toCharArray()) {
                sb.append(String.format(Locale.ROOT, "%02x", (int) c));
            }
            if (hex.startsWith(sb.toString())) {
                return word.startsWith("GET") || word.startsWith("POST") ? "HTTP sent to the TLS port"
                        : "plain-text IRC sent to the TLS port";
            }
        }
        return "the client does not speak TLS";
    }
}
