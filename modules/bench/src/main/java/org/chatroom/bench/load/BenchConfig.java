package org.chatroom.bench.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * One load run, fully resolved (scenario defaults already applied) and validated by the CLI.
 *
 * @param target         the server (with several daemons: the address named first in results)
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
 * @param senderTarget   where the senders connect (several daemons of one cluster: one node)
 * @param receiverTargets where the other members connect, spread evenly (the n-th of them on entry n mod size)
 */
public record BenchConfig(InetSocketAddress target, Scenario scenario, int clients, int senders, int rate,
                          int inFlight, Duration warmup, Duration duration, int connectRate, Duration setupTimeout,
                          Duration drainTimeout, String room, String nickPrefix, int payloadBytes, int threads,
                          int stalled, Transport transport, String wsPath, InetSocketAddress senderTarget,
                          List<InetSocketAddress> receiverTargets) {

    /** Smallest text that still holds the marker, sender, sequence and timestamp fields. */
    public static final int MIN_PAYLOAD = 48;

    /** Every client on one server, {@code target}. */
    public BenchConfig(InetSocketAddress target, Scenario scenario, int clients, int senders, int rate, int inFlight,
                       Duration warmup, Duration duration, int connectRate, Duration setupTimeout, Duration drainTimeout,
                       String room, String nickPrefix, int payloadBytes, int threads, int stalled, Transport transport,
                       String wsPath) {
        this(target, scenario, clients, senders, rate, inFlight, warmup, duration, connectRate, setupTimeout,
                drainTimeout, room, nickPrefix, payloadBytes, threads, stalled, transport, wsPath, target, List.of(target));
    }

    public BenchConfig {
        receiverTargets = List.copyOf(receiverTargets);
        if (receiverTargets.isEmpty()) {
            throw new IllegalArgumentException("receivers need at least one address");
        }
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

    /** Where client {@code index} connects: the sender address for a sender, else its share of the receiver ones. */
    public InetSocketAddress targetOf(int index, boolean sender) {
        if (sender) {
            return senderTarget;
        }
        // senders are clients floor(s * clients / senders): ceil(index * senders / clients) of them come before
        long sendersBefore = clients == 0 ? 0 : Math.min(senders, ((long) index * senders + clients - 1) / clients);
        return receiverTargets.get((int) ((index - sendersBefore) % receiverTargets.size()));
    }

    /** Whether clients go to more than one address (a cluster run). */
    public boolean spread() {
        return receiverTargets.size() > 1 || !receiverTargets.get(0).equals(senderTarget);
    }

    /** {@code host:port} as the command line takes it ({@code [v6]:port} for IPv6). */
    public static String address(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
