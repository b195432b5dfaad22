package org.chatroom.server.net;

import org.chatroom.server.core.DropReason;

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

    /** The connection must end: {@code why} for the counters, {@code reason} for the users. */
    record Drop(DropReason why, String reason) implements ConnectionEvent {
    }

    PingDue PING_DUE = new PingDue();
    RegistrationDue REGISTRATION_DUE = new RegistrationDue();
}
