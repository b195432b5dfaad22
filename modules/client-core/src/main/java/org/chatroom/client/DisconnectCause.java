package org.chatroom.client;

/** Why a {@link ChatClient} stopped for good. None of these is followed by a reconnect. */
public enum DisconnectCause {
    /** The user quit ({@link ChatClient#quit}). */
    USER_QUIT,
    /** The application closed the client ({@link ChatClient#close}). */
    CLOSED,
    /** The server kicked us off (a KICK of us followed by the connection closing). */
    KICKED,
    /** The server refused us as banned (465 or a ban ERROR). */
    BANNED,
    /** The nick and its fallbacks were all taken or refused at registration. */
    NICK_UNAVAILABLE,
    /**
     * Logging in to the configured account failed (wrong password, no such account, the server offers
     * no SASL), or creating it did: the reason says which, in one line.
     */
    LOGIN_FAILED,
    /**
     * The server's TLS certificate was not trusted (or did not match the pinned fingerprint); trying
     * again would fail the same way. {@link ChatClient#rejectedCertificate()} describes it.
     */
    UNTRUSTED_CERTIFICATE,
    /** The connection could not be made and reconnecting is off. */
    CONNECT_FAILED,
    /** An established connection was lost and reconnecting is off. */
    CONNECTION_LOST
}
