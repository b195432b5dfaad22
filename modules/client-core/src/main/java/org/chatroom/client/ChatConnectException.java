package org.chatroom.client;

import java.util.Optional;

/** The client stopped before it was ever connected; {@link #disconnectCause()} says why. */
public final class ChatConnectException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DisconnectCause disconnectCause;
    private final transient ServerCertificate certificate;

    public ChatConnectException(String message, DisconnectCause cause) {
        this(message, cause, null);
    }

    /** @param certificate the server certificate we did not trust, or null */
    public ChatConnectException(String message, DisconnectCause cause, ServerCertificate certificate) {
        super(message);
        this.disconnectCause = cause;
        this.certificate = certificate;
    }

    public DisconnectCause disconnectCause() {
        return disconnectCause;
    }

    /** With {@link DisconnectCause#UNTRUSTED_CERTIFICATE}: the certificate the server presented. */
    public Optional<ServerCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }
}
