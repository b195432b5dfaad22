package org.chatroom.server.net;

/**
 * What the pipeline's timers and guards tell the {@link ClientHandler}, as user events: they decide
 * when, the session decides what it means.
 */
public sealed interface ConnectionEvent {
    /** The client has been silent for the ping interval: send it a PING. */
    record PingDue() implements ConnectionEvent {
    }

    /** The registration deadline passed; the session quits if it is still unregistered. */
    record RegistrationDue() implements ConnectionEvent {
    }

    /** The connection must end with {@code reason} (ping timeout, excess flood). */
    record Drop(String reason) implements ConnectionEvent {
    }

    PingDue PING_DUE = new PingDue();
    RegistrationDue REGISTRATION_DUE = new RegistrationDue();
}
