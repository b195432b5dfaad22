package org.chatroom.server.admin;

/** A command refused with an {@code ERR} code (see {@link AdminReply}); the message is one line. */
final class AdminException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int code;

    AdminException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
