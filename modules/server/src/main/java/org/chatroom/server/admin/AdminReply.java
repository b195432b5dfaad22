package org.chatroom.server.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.chatroom.protocol.admin.AdminWire;

/**
 * One reply on the admin socket: {@code OK} or {@code ERR <code> <message>}, then body lines, then
 * the empty terminator line (added by the session). A body is text lines, a table of rows
 * (one {@code key=value ...} line each, Redis {@code CLIENT LIST} style) or one record (one
 * {@code key=value} line per field); with {@code --json} the same data is one JSON document.
 * Free-text values ({@link AdminWire#TEXT_FIELDS}) are always the last field of a row, so a reader may
 * take everything after {@code key=} to the end of the line. The codes and framing are
 * {@link AdminWire}'s, shared with chat-admin.
 */
final class AdminReply {
    static final int SYNTAX = AdminWire.SYNTAX;
    static final int UNKNOWN_COMMAND = AdminWire.UNKNOWN_COMMAND;
    static final int TOO_FEW = AdminWire.TOO_FEW;
    static final int TOO_MANY = AdminWire.TOO_MANY;
    static final int BAD_VALUE = AdminWire.BAD_VALUE;
    static final int CANT = AdminWire.CANT;
    static final int COMMS = AdminWire.COMMS;
    static final int CLOSING = AdminWire.CLOSING;

    private enum Kind { NONE, TEXT, ROWS, RECORD }

    private final int code;
    private final String message;
    private final Kind kind;
    private final Object data;
    private Runnable after = () -> { };

    private AdminReply(int code, String message, Kind kind, Object data) {
        this.code = code;
        this.message = message;
        this.kind = kind;
        this.data = data;
    }

    static AdminReply ok() {
        return new AdminReply(0, null, Kind.NONE, null);
    }

    static AdminReply text(List<String> lines) {
        return new AdminReply(0, null, Kind.TEXT, List.copyOf(lines));
    }

    static AdminReply rows(List<? extends Map<String, ?>> rows) {
        return new AdminReply(0, null, Kind.ROWS, List.copyOf(rows));
    }

    static AdminReply record(Map<String, ?> fields) {
        return new AdminReply(0, null, Kind.RECORD, fields);
    }

    static AdminReply error(int code, String message) {
        return new AdminReply(code, oneLine(message), Kind.NONE, null);
    }

    /** Something to do once this reply has been written (stopping the daemon after {@code shutdown}). */
    AdminReply andThen(Runnable action) {
        this.after = action;
        return this;
    }

    Runnable after() {
        return after;
    }

    boolean isOk() {
        return code == 0;
    }

    int code() {
        return code;
    }

    /** The status line and body lines, without the terminating empty line. */
    List<String> lines(boolean json) {
        List<String> out = new ArrayList<>();
        if (!isOk()) {
            out.add(AdminWire.statusLine(code, message));
            return out;
        }
        out.add(AdminWire.OK);
        if (kind == Kind.NONE) {
            return out;
        }
        if (json) {
            out.add(Json.write(data));
            return out;
        }
        switch (kind) {
            case TEXT -> {
                for (Object line : (List<?>) data) {
                    String l = oneLine(String.valueOf(line));
                    out.add(l.isEmpty() ? AdminWire.EMPTY_LINE : l);
                }
            }
            case ROWS -> {
                for (Object row : (List<?>) data) {
                    out.add(row((Map<?, ?>) row));
                }
            }
            case RECORD -> {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) data).entrySet()) {
                    out.add(e.getKey() + "=" + value(e.getValue()));
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return out;
    }

    private static String row(Map<?, ?> row) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<?, ?> e : row.entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(e.getKey()).append('=').append(value(e.getValue()));
        }
        return sb.toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return oneLine(v.toString());
    }

    /** Control characters (CR and LF above all) would break the framing: each becomes a space. */
    static String oneLine(String s) {
        return AdminWire.oneLine(s);
    }
}
