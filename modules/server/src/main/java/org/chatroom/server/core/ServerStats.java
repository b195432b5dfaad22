package org.chatroom.server.core;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

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
    private final LongAdder linesRefused = new LongAdder();
    private final LongAdder historyStored = new LongAdder();
    private final LongAdder historyDropped = new LongAdder();
    private final AtomicInteger registered = new AtomicInteger();
    private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);
    private volatile LongSupplier queuedOutput = () -> 0;
    private volatile long outputBudget;

    public ServerStats() {
        for (DropReason r : DropReason.values()) {
            drops.put(r, new LongAdder());
        }
    }

    public void dropped(DropReason reason) {
        drops.get(reason).increment();
    }

    public long drops(DropReason reason) {
        return drops.get(reason).sum();
    }

    /** Registered users now; {@code max.clients} bounds it. */
    public int registered() {
        return registered.get();
    }

    public void userRegistered() {
        registered.incrementAndGet();
    }

    public void registeredUserLeft() {
        registered.decrementAndGet();
    }

    /** Where the bytes queued to all clients are read from (the transport's output budget). */
    public void queuedOutput(LongSupplier source, long budget) {
        this.queuedOutput = source;
        this.outputBudget = budget;
    }

    public long queuedOutputBytes() {
        return queuedOutput.getAsLong();
    }

    public long outputBudgetBytes() {
        return outputBudget;
    }

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

    /** Clients dropped for output they did not read: their own queue or the global budget. */
    public long slowClientsDropped() {
        return drops(DropReason.SENDQ) + drops(DropReason.OUTPUT_BUDGET);
    }

    /** A history row was handed to the store's writer. */
    public void historyStored() {
        historyStored.increment();
    }

    /** A history row was dropped: the store's writer was too far behind (chat goes on). */
    public void historyDropped() {
        historyDropped.increment();
    }

    public long historyStoredTotal() {
        return historyStored.sum();
    }

    public long historyDroppedTotal() {
        return historyDropped.sum();
    }

    public long linesRefused() {
        return linesRefused.sum();
    }
}
