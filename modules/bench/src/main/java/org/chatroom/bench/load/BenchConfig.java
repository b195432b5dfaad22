package org.chatroom.bench.load;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One load run, fully resolved (scenario defaults already applied) and validated by the CLI.
 *
 * @param target         the server
 * @param scenario       which workload
 * @param clients        room members (F1/F2) or connections (C)
 * @param senders        how many of the clients send
 * @param rate           total messages per second over all senders; 0 = flat-out within the window
 * @param inFlight       per sender, messages sent but not yet delivered to every other member
 * @param warmup         sending before measuring (JIT, buffers); not counted in latency or rate
 * @param duration       measured sending time (F1/F2) or hold time (C)
 * @param connectRate    new connections per second at most
 * @param setupTimeout   bound on connecting, registering and joining everybody
 * @param drainTimeout   bound on waiting for the last messages after sending stops
 * @param room           the room (channel) to use
 * @param nickPrefix     nicks are this plus the client number in base 36
 * @param payloadBytes   length of the message text (timestamp and sequence included)
 * @param threads        I/O threads of the generator
 * @param stalled        members (the last ones, never senders) that stop reading once in the room:
 *                       a slow consumer, to see whether it slows the others; not counted as receivers
 * @param transport      plain TCP or IRCv3 WebSocket
 * @param wsPath         the WebSocket endpoint's path (WebSocket only), e.g. /socket
 */
public record BenchConfig(InetSocketAddress target, Scenario scenario, int clients, int senders, int rate,
                          int inFlight, Duration warmup, Duration duration, int connectRate, Duration setupTimeout,
                          Duration drainTimeout, String room, String nickPrefix, int payloadBytes, int threads,
                          int stalled, Transport transport, String wsPath) {

    /** Smallest text that still holds the marker, sender, sequence and timestamp fields. */
    public static final int MIN_PAYLOAD = 48;

    public BenchConfig {
        if (senders > clients) {
            throw new IllegalArgumentException("senders (" + senders + ") exceed clients (" + clients + ")");
        }
        if (stalled < 0 || stalled + senders > clients - 1 && stalled > 0) {
            throw new IllegalArgumentException("stalled members (" + stalled + ") plus senders (" + senders
                    + ") must leave at least one reading member");
        }
        if (stalled > 0 && senders > 0 && (long) (senders - 1) * clients / senders >= clients - stalled) {
            throw new IllegalArgumentException("stalled members (" + stalled + ") would include a sender; use fewer");
        }
        if (scenario.joinsRoom() && senders > 0 && clients < 2) {
            throw new IllegalArgumentException("a room scenario needs at least 2 clients");
        }
    }

    /** Members that receive (and read) each message: everybody in the room but its sender and the stalled ones. */
    public int receiversPerMessage() {
        return clients - 1 - stalled;
    }

    /** Whether client {@code index} is one of the stalled members (the last {@code stalled} numbers). */
    public boolean isStalled(int index) {
        return index >= clients - stalled;
    }
}
