package org.chatroom.protocol.admin;

import java.util.Set;

/**
 * The admin socket's wire format, defined once for the daemon (which writes it) and chat-admin (which
 * reads it); docs/admin-protocol.md describes it for people. A reply is a status line, {@code OK} or
 * {@code ERR <code> <message>}, then body lines (never empty: an empty value is {@value #EMPTY_LINE}),
 * then one empty line. Codes follow varnishadm. Text only: no I/O here.
 */
public final class AdminWire {
    public static final int SYNTAX = 100;
    public static final int UNKNOWN_COMMAND = 101;
    public static final int TOO_FEW = 104;
    public static final int TOO_MANY = 105;
    public static final int BAD_VALUE = 106;
    public static final int CANT = 300;
    public static final int COMMS = 400;
    public static final int CLOSING = 500;

    public static final String OK = "OK";
    /** A body line that would be empty (and so end the reply) is sent as this. */
    public static final String EMPTY_LINE = "-";
    /** Row and record fields whose value is free text: always last on a line, so it runs to the line's end. */
    public static final Set<String> TEXT_FIELDS = Set.of("topic", "reason", "text", "realname", "away");
    /** How a {@link #CLOSING} refusal of a peer that is not the daemon's user begins. */
    public static final String ACCESS_DENIED = "access denied";

    /** A parsed status line: code 0 for OK. */
    public record Status(int code, String message) {
        public boolean ok() {
            return code == 0;
        }

        /** The request itself was wrong (1xx): a usage error for the one who sent it. */
        public boolean usageError() {
            return code >= 100 && code < 200;
        }

        /** The socket refused us for who we are, not for what we asked. */
        public boolean accessDenied() {
            return code == CLOSING && message.startsWith(ACCESS_DENIED);
        }
    }

    private AdminWire() {
    }

    /** {@code OK} for code 0, else {@code ERR <code> <message>} with the message on one line. */
    public static String statusLine(int code, String message) {
        return code == 0 ? OK : "ERR " + code + " " + oneLine(message == null ? "" : message);
    }

    /** The status of {@code line}, or null when it is neither {@code OK} nor {@code ERR <3 digits> ...}. */
    public static Status parseStatus(String line) {
        if (OK.equals(line)) {
            return new Status(0, "");
        }
        if (line != null && line.startsWith("ERR ") && line.length() >= 7
                && line.substring(4, 7).chars().allMatch(c -> c >= '0' && c <= '9')
                && (line.length() == 7 || line.charAt(7) == ' ')) {
            return new Status(Integer.parseInt(line.substring(4, 7)), line.length() > 8 ? line.substring(8) : "");
        }
        return null;
    }

    /** Control characters (CR and LF above all) would break the framing: each becomes a space. */
    public static String oneLine(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
