package org.chatroom.admin;

import java.util.List;

/**
 * A reply from the admin socket: {@code OK} or {@code ERR <code> <message>}, and the body lines.
 * Codes follow varnishadm: 100 syntax, 101 unknown command, 104/105 too few/many arguments,
 * 106 bad value, 300 the daemon can't (no such nick, ...), 400 communication, 500 closing.
 */
record AdminResponse(int code, String message, List<String> body) {

    static AdminResponse parse(String status, List<String> body) {
        if (status.equals("OK")) {
            return new AdminResponse(0, "", List.copyOf(body));
        }
        if (status.startsWith("ERR ") && status.length() >= 7) {
            try {
                int code = Integer.parseInt(status.substring(4, 7));
                return new AdminResponse(code, status.length() > 8 ? status.substring(8) : "", List.copyOf(body));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return new AdminResponse(400, "unexpected reply from the daemon: " + status, List.copyOf(body));
    }

    boolean ok() {
        return code == 0;
    }

    /** 2 for a request the daemon could not understand (usage), 1 for one it refused or failed. */
    int exitCode() {
        if (ok()) {
            return AdminCli.EXIT_OK;
        }
        return code >= 100 && code < 200 ? AdminCli.EXIT_USAGE : AdminCli.EXIT_FAILED;
    }
}
