package org.chatroom.server.store.postgres;

import java.sql.SQLException;
import org.chatroom.server.store.jdbc.SqlErrors;

/** Turns PostgreSQL's errors (by SQLSTATE) into one line an operator can act on; never a password. */
final class PostgresErrors {
    private PostgresErrors() {
    }

    static String describe(Throwable e) {
        SQLException s = find(e);
        if (s == null || s.getSQLState() == null) {
            return SqlErrors.firstLine(e);
        }
        String server = SqlErrors.firstLine(s).replaceFirst("^(FATAL|ERROR): ", "");
        String state = s.getSQLState();
        return switch (state) {
            case "28P01", "08004" -> server + " (check store.user and store.password.file)";
            case "28000" -> server + " (the server's pg_hba.conf does not let this user in from here)";
            case "3D000" -> server + " (create it: createdb -O OWNER NAME)";
            case "42501" -> server + " (store.user needs to own the database, or CREATE on it)";
            case "53300" -> "the database server has no connection slot left (max_connections)";
            case "57P01", "57P02" -> "the database server closed the connection: " + server;
            case "57P03" -> "the database server is starting up or shutting down: " + server;
            default -> state.startsWith("08") ? "cannot reach the database server: " + server : server;
        };
    }

    private static SQLException find(Throwable e) {
        SQLException found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                found = s; // the innermost: the driver's own, under any wrapper
            }
        }
        return found;
    }
}
