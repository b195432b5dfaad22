package org.chatroom.bench.load;

import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Sends for the senders of one I/O loop: each may have at most {@code inFlight} messages not yet
 * received by every reading member (see {@link DeliveryTracker}), and with a rate, no more than
 * its schedule allows. What is due goes out in one write per sender.
 */
final class SendPacer {
    private static final int MAX_BATCH = 256;

    private final RunState run;
    private final List<BenchClient> senders;
    private final Payload payload;
    private final int window;
    long windowSent;

    SendPacer(RunState run, List<BenchClient> senders, Payload payload, int window) {
        this.run = run;
        this.senders = List.copyOf(senders);
        this.payload = payload;
        this.window = window;
    }

    boolean isEmpty() {
        return senders.isEmpty();
    }

    /** Sends what is due now; a sender whose socket fails is handed to {@code fail}. */
    void sendDue(long mStart, long mEnd, BiConsumer<BenchClient, String> fail) {
        int senderCount = run.senderClient.length;
        double perSenderPerNano = run.config.rate() > 0 ? run.config.rate() / 1e9 / senderCount : 0;
        long sendStart = run.sendStart;
        for (BenchClient c : senders) {
            if (c.state != BenchClient.State.READY) {
                continue;
            }
            try {
                if (c.hasPendingOutput()) {
                    c.flush();
                    if (c.hasPendingOutput()) {
                        continue; // the server is not reading: back off until OP_WRITE drains it
                    }
                }
                long now = run.now();
                long allowed = run.delivered(c.sender) + window - c.sent;
                if (perSenderPerNano > 0) {
                    // Senders are offset by a fraction of the period so they do not fire together.
                    double offset = (double) c.sender / senderCount;
                    long due = (long) ((now - sendStart) * perSenderPerNano + offset) + 1;
                    allowed = Math.min(allowed, due - c.sent);
                }
                allowed = Math.min(allowed, MAX_BATCH);
                if (allowed <= 0) {
                    continue;
                }
                c.ensureRoom((int) allowed * (payload.maxLineBytes() + BenchClient.MAX_FRAMING));
                for (long k = 0; k < allowed; k++) {
                    c.beginLine();
                    payload.encode(c.out, c.sender, c.sent, now);
                    c.endLine();
                    c.sent++;
                }
                if (now >= mStart && now < mEnd) {
                    windowSent += allowed;
                }
                run.sent.lazySet(c.sender, c.sent);
                c.flush();
            } catch (IOException e) {
                fail.accept(c, c.nickText() + ": " + e.getMessage());
            }
        }
    }
}
