package org.chatroom.admin;

import java.util.List;
import org.chatroom.protocol.admin.AdminWire;

/**
 * A reply from the admin socket: {@code OK} or {@code ERR <code> <message>}, and the body lines, as
 * {@link AdminWire} (shared with the daemon) defines them.
 */
record AdminResponse(int code, String message, List<String> body) {

    static AdminResponse parse(String status, List<String> body) {
        AdminWire.Status s = AdminWire.parseStatus(status);
        if (s == null) {
            return new AdminResponse(AdminWire.COMMS, "unexpected reply from the daemon: " + status, List.copyOf(body));
        }
        return new AdminResponse(s.code(), s.message(), List.copyOf(body));
    }

    /** The socket refused us for who we are (another user), not for what we asked. */
    boolean accessDenied() {
        return new AdminWire.Status(code, message).accessDenied();
    }

    boolean ok() {
        return code == 0;
    }

    /** 2 for a request the daemon could not understand (usage), 1 for one it refused or failed. */
    int exitCode() {
        if (ok()) {
            return AdminCli.EXIT_OK;
        }
        return new AdminWire.Status(code, message).usageError() ? AdminCli.EXIT_USAGE : AdminCli.EXIT_FAILED;
    }
}
