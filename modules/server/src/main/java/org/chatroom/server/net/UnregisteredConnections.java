package org.chatroom.server.net;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.function.IntSupplier;

/**
 * The connections that have not registered yet, oldest first, bounded by {@code max.unregistered}:
 * when full, the oldest is closed to admit the new one. Registered users are counted against
 * {@code max.clients} instead, so a flood of half-open connections can delay other half-open
 * connections but never lock registered users out. One small lock; connects and registrations are
 * rare next to messages.
 */
final class UnregisteredConnections {
    private final IntSupplier max;
    private final LinkedHashSet<ClientHandler> waiting = new LinkedHashSet<>();

    UnregisteredConnections(IntSupplier max) {
        this.max = max;
    }

    /** Adds {@code c}; returns the connection to close to make room for it, or null. */
    ClientHandler admit(ClientHandler c) {
        synchronized (waiting) {
            ClientHandler evicted = null;
            if (waiting.size() >= max.getAsInt()) {
                Iterator<ClientHandler> oldest = waiting.iterator();
                evicted = oldest.next();
                oldest.remove();
            }
            waiting.add(c);
            return evicted;
        }
    }

    /** {@code c} registered or closed. */
    void done(ClientHandler c) {
        synchronized (waiting) {
            waiting.remove(c);
        }
    }

}
