package org.chatroom.client;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Messages typed while the connection is down, kept in order and sent once it is back. While it
 * drains, new messages queue behind the old ones, so nothing overtakes what was typed before it.
 * Bounded: past {@link #LIMIT} the sender is told the message was not kept.
 */
final class Outbox {
    static final int LIMIT = 100;

    /** One held message. */
    record Held(String target, String text, boolean action) {
    }

    private final Deque<Held> queue = new ArrayDeque<>();
    private boolean draining;

    /** True if {@code h} must wait (we are offline, or older messages are still going out) and was kept. */
    synchronized boolean holdIfNeeded(Held h, boolean online) {
        if (online && queue.isEmpty() && !draining) {
            return false;
        }
        if (queue.size() >= LIMIT) {
            throw new IllegalStateException("full");
        }
        queue.addLast(h);
        return true;
    }

    /** Starts draining; null if there is nothing to send. Then call {@link #next()} until it returns null. */
    synchronized Held start() {
        if (draining) {
            return null; // another thread drains
        }
        Held h = queue.pollFirst();
        draining = h != null;
        return h;
    }

    synchronized Held next() {
        Held h = queue.pollFirst();
        draining = h != null;
        return h;
    }

    synchronized void clear() {
        queue.clear();
        draining = false;
    }

    synchronized int size() {
        return queue.size();
    }
}
