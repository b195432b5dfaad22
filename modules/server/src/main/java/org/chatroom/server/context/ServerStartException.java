package org.chatroom.server.context;

/** The server could not start for a reason the operator can fix (port in use, address missing). */
public final class ServerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerStartException(String message) {
        super(message, null, false, false);
    }
}
