package org.chatroom.server.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters an operator reads with the admin {@code stats} command; updated lock-free from every loop. */
public final class ServerStats {
    private final long startedAtMillis = System.currentTimeMillis();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger peakConnections = new AtomicInteger();
    private final LongAdder connectionsTotal = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder slowClientsDropped = new LongAdder();
    private final LongAdder linesRefused = new LongAdder();

    public void connectionOpened() {
        connectionsTotal.increment();
        int now = connections.incrementAndGet();
        peakConnections.accumulateAndGet(now, Math::max);
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public void messageIn() {
        messagesIn.increment();
    }

    public void messagesOut(int deliveries) {
        messagesOut.add(deliveries);
    }

    public void bytesIn(long n) {
        bytesIn.add(n);
    }

    public void bytesOut(long n) {
        bytesOut.add(n);
    }

    public void slowClientDropped() {
        slowClientsDropped.increment();
    }

    public void lineRefused() {
        linesRefused.increment();
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    public int connections() {
        return connections.get();
    }

    public int peakConnections() {
        return peakConnections.get();
    }

    public long connectionsTotal() {
        return connectionsTotal.sum();
    }

    public long messagesIn() {
        return messagesIn.sum();
    }

    public long messagesOut() {
        return messagesOut.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    public long slowClientsDropped() {
        return slowClientsDropped.sum();
    }

    public long linesRefused() {
        return linesRefused.sum();
    }
}
