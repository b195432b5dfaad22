package org.chatroom.bench.load;

import java.util.Locale;

/**
 * The named workloads of issue 9 and their defaults; every default can be overridden on the
 * command line.
 */
public enum Scenario {
    /** Fan-out throughput: 200 clients in one room, 10 senders flat-out, at most 50 messages in flight each. */
    F1(200, 10, 0, 50, 10, true),
    /** Fan-out latency at a fixed rate: 1,000 clients in one room, 5 senders, 200 messages/s in total. */
    F2(1000, 5, 200, 1000, 10, true),
    /** Connections: 10,000 idle registered connections opened at up to 1,000/s and held. */
    C(10_000, 0, 0, 0, 10, false);

    private final int clients;
    private final int senders;
    private final int rate;
    private final int inFlight;
    private final int durationSeconds;
    private final boolean joinsRoom;

    Scenario(int clients, int senders, int rate, int inFlight, int durationSeconds, boolean joinsRoom) {
        this.clients = clients;
        this.senders = senders;
        this.rate = rate;
        this.inFlight = inFlight;
        this.durationSeconds = durationSeconds;
        this.joinsRoom = joinsRoom;
    }

    /** Parses F1, f2, C...; null when unknown. */
    public static Scenario byName(String name) {
        for (Scenario s : values()) {
            if (s.name().equals(name.toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    public int defaultClients() {
        return clients;
    }

    public int defaultSenders() {
        return senders;
    }

    /** Total messages per second; 0 = as fast as the in-flight window allows. */
    public int defaultRate() {
        return rate;
    }

    public int defaultInFlight() {
        return inFlight;
    }

    public int defaultDurationSeconds() {
        return durationSeconds;
    }

    /** Whether clients join the room and senders send (false: connect, register and hold). */
    public boolean joinsRoom() {
        return joinsRoom;
    }
}
