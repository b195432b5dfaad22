package org.chatroom.admin;

/** The daemon cannot be reached through its socket (exit status 3); the message is one line for the operator. */
final class NotRunningException extends Exception {
    private static final long serialVersionUID = 1L;

    NotRunningException(String message) {
        super(message, null, false, false);
    }
}
