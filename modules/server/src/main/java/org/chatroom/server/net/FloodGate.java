package org.chatroom.server.net;

import java.util.ArrayDeque;
import org.chatroom.server.ServerContext;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;

/**
 * Per-client token bucket on incoming commands. Within the burst, commands run at once; past it
 * they are held back and released at {@code flood.rate} per second (a delay, not a loss); a client
 * that keeps sending until {@code flood.max.queued} commands wait is disconnected (Excess Flood).
 * Confined to the client's event loop.
 */
final class FloodGate {
    private final ServerContext context;
    private final boolean exempt;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private double tokens;
    private long lastRefillNanos = System.nanoTime();

    FloodGate(ServerContext context, java.net.InetAddress address) {
        this.context = context;
        this.exempt = context.config().get(ServerConfigKeys.FLOOD_EXEMPT).contains(address);
        this.tokens = context.config().get(ServerConfigKeys.FLOOD_BURST);
    }

    /** What to do with one incoming command. */
    enum Verdict { RUN, HOLD, EXCESS }

    Verdict admit(Object command) {
        ServerConfig cfg = context.config();
        double rate = cfg.get(ServerConfigKeys.FLOOD_RATE);
        if (exempt || rate == 0) {
            return held.isEmpty() ? Verdict.RUN : hold(command, cfg);
        }
        refill(rate, cfg.get(ServerConfigKeys.FLOOD_BURST));
        if (held.isEmpty() && tokens >= 1) {
            tokens -= 1;
            return Verdict.RUN;
        }
        return hold(command, cfg);
    }

    private Verdict hold(Object command, ServerConfig cfg) {
        if (held.size() >= cfg.get(ServerConfigKeys.FLOOD_MAX_QUEUED)) {
            return Verdict.EXCESS;
        }
        held.add(command);
        return Verdict.HOLD;
    }

    /** The next held command whose token is available now, or null. */
    Object release() {
        if (held.isEmpty()) {
            return null;
        }
        ServerConfig cfg = context.config();
        double rate = cfg.get(ServerConfigKeys.FLOOD_RATE);
        if (!exempt && rate > 0) {
            refill(rate, cfg.get(ServerConfigKeys.FLOOD_BURST));
            if (tokens < 1) {
                return null;
            }
            tokens -= 1;
        }
        return held.poll();
    }

    /** Milliseconds until the next held command may run (at least 1). */
    long delayMillis() {
        double rate = context.config().get(ServerConfigKeys.FLOOD_RATE);
        if (exempt || rate == 0) {
            return 1;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / rate * 1000));
    }

    boolean hasHeld() {
        return !held.isEmpty();
    }

    /** Drops what is held (the client is leaving); returns the commands so they can be released. */
    ArrayDeque<Object> drain() {
        ArrayDeque<Object> out = new ArrayDeque<>(held);
        held.clear();
        return out;
    }

    private void refill(double rate, int burst) {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastRefillNanos) / 1e9 * rate);
        lastRefillNanos = now;
    }
}
