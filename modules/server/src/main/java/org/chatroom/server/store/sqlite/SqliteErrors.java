package org.chatroom.server.store.sqlite;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's errors into one line an operator can act on. */
final class SqliteErrors {
    private SqliteErrors() {
    }

    static String describe(Throwable e) {
        SQLiteException s = find(e);
        if (s == null) {
            return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
        }
        SQLiteErrorCode code = s.getResultCode();
        return switch (code.code & 0xff) { // primary code; extended codes carry it in the low byte
            case 5, 6 -> "the database is locked by another program (another chat-server on the same data.dir?)";
            case 26 -> "the file is not a SQLite database (damaged, or not ours); restore a backup or move it away";
            case 11 -> "the database file is damaged (corrupt); restore a backup or move it away";
            case 14 -> "cannot open the database file (missing folder or no permission)";
            case 8 -> "the database file is read-only";
            case 13 -> "the disk is full";
            default -> code.message;
        };
    }

    /** True if {@code e} (or a cause) says the database is busy or locked. */
    static boolean locked(Throwable e) {
        SQLiteException s = find(e);
        return s != null && ((s.getResultCode().code & 0xff) == 5 || (s.getResultCode().code & 0xff) == 6);
    }

    private static SQLiteException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                return s;
            }
        }
        return null;
    }
}
