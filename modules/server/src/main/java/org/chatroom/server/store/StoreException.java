package org.chatroom.server.store;

/** The store could not do what was asked (writer queue full, database error); the message is one line. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
