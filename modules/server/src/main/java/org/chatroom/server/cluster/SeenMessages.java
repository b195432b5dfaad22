package org.chatroom.server.cluster;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The msgids of the last room and private messages this node delivered (its own and other nodes'), so a
 * message that comes again after an outage (filled from the history, or re-published by the node that
 * could not publish it) reaches nobody twice. Bounded by count: past {@link #CAPACITY} the oldest is
 * forgotten. Called from event loops and Lettuce threads alike, so one short lock.
 */
final class SeenMessages {
    /** About 3 MB: several seconds of a busy cluster, the window around an outage that matters. */
    static final int CAPACITY = 20_000;

    private final int capacity;
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();

    SeenMessages() {
        this(CAPACITY);
    }

    SeenMessages(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers {@code msgid}; false if it was seen already (then it is not to be delivered again). */
    synchronized boolean add(String msgid) {
        if (!ids.add(msgid)) {
            return false;
        }
        order.addLast(msgid);
        if (order.size() > capacity) {
            ids.remove(order.removeFirst());
        }
        return true;
    }

    synchronized boolean contains(String msgid) {
        return ids.contains(msgid);
    }
}
