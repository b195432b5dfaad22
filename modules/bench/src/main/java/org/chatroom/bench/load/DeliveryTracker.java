package org.chatroom.bench.load;

import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * One I/O loop's bookkeeping of benchmark messages received by its members: order and loss per
 * (member, sender), latency, and the in-flight accounting.
 *
 * <p>A message counts as in flight until every other reading member has received it. Per sender
 * and sequence slot this tracker counts how many of its own members got the message; when that
 * reaches its member count it publishes "everything below seq+1 arrived here" ({@link #done}).
 * A sender may send while {@code seq - min over loops(done) < inFlight}. Exact, because one
 * server connection delivers in order, so a loop's slots complete in sequence order.
 */
final class DeliveryTracker {
    private final int window;
    private final int[][] ring;
    private final int[] members;
    private final AtomicLongArray done;

    final Histogram latency = Latency.histogram();
    long deliveries;
    long windowDeliveries;
    long duplicates;
    long gaps;

    /** @param readers per sender, how many members of this loop read its messages */
    DeliveryTracker(int[] readers, int inFlight) {
        this.window = Math.max(1, inFlight);
        this.members = readers.clone();
        this.ring = new int[readers.length][window];
        this.done = new AtomicLongArray(readers.length);
        for (int s = 0; s < readers.length; s++) {
            done.set(s, members[s] == 0 ? Long.MAX_VALUE : 0);
        }
    }

    int senders() {
        return members.length;
    }

    /** Sender {@code s}'s messages below this number reached every reading member of this loop. */
    long done(int s) {
        return done.get(s);
    }

    /**
     * Member {@code c} received {@code seq} from sender {@code s}, sent at {@code sentAt}, read at
     * {@code now}; the window is {@code [mStart, mEnd)}.
     */
    void received(BenchClient c, int s, long seq, long sentAt, long now, long mStart, long mEnd) {
        long expected = c.expected[s];
        if (seq < expected) {
            duplicates++;
            return;
        }
        if (seq > expected) {
            gaps += seq - expected;
        }
        c.expected[s] = seq + 1;
        deliveries++;
        if (now >= mStart && now < mEnd) {
            windowDeliveries++;
        }
        if (sentAt >= mStart && sentAt < mEnd) {
            Latency.record(latency, now - sentAt);
        }
        int[] slots = ring[s];
        int slot = (int) (seq % window);
        if (++slots[slot] >= members[s]) {
            slots[slot] = 0;
            if (seq + 1 > done.get(s)) {
                done.lazySet(s, seq + 1);
            }
        }
    }
}
