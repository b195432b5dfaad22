package org.chatroom.client;

/** The client stopped before it was ever connected; {@link #disconnectCause()} says why. */
public final class ChatConnectException extends Exception {
    private final DisconnectCause disconnectCause;

    public ChatConnectException(String message, DisconnectCause cause) {
        super(message);
        this.disconnectCause = cause;
    }

    public DisconnectCause disconnectCause() {
        return disconnectCause;
    }
}
