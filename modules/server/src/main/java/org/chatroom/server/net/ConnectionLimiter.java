package org.chatroom.server.net;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;

/** Enforces max.clients and max.connections.per.ip (exempt addresses aside); limits are read live. */
public final class ConnectionLimiter {
    private final ServerContext context;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Map<InetAddress, long[]> recentConnects = new ConcurrentHashMap<>();

    /** The outcome of {@link #tryAcquire}. */
    public sealed interface Admission permits Admitted, Refused {
    }

    /** A counted connection: run {@code release} exactly once when it closes. */
    public record Admitted(Runnable release) implements Admission {
    }

    /** A connection turned away, with the reason to give it. */
    public record Refused(String reason) implements Admission {
    }

    public ConnectionLimiter(ServerContext context) {
        this.context = context;
    }

    /** Counts a new connection from {@code address}, or refuses it. */
    public Admission tryAcquire(InetAddress address) {
        ServerConfig cfg = context.config();
        if (total.incrementAndGet() > cfg.get(ServerConfigKeys.MAX_CLIENTS)) {
            total.decrementAndGet();
            return new Refused("Server full");
        }
        if (cfg.get(ServerConfigKeys.LIMITS_EXEMPT).contains(address)) {
            return new Admitted(total::decrementAndGet);
        }
        if (!withinConnectRate(address, cfg.get(ServerConfigKeys.CONNECT_RATE_PER_IP))) {
            total.decrementAndGet();
            return new Refused("Too many new connections from your address; try again in a second");
        }
        AtomicInteger n = perAddress.compute(address, (a, old) -> {
            AtomicInteger v = old == null ? new AtomicInteger() : old;
            v.incrementAndGet();
            return v;
        });
        Runnable release = () -> {
            total.decrementAndGet();
            perAddress.computeIfPresent(address, (a, v) -> v.decrementAndGet() <= 0 ? null : v);
        };
        if (n.get() > cfg.get(ServerConfigKeys.MAX_CONNECTIONS_PER_IP)) {
            release.run();
            return new Refused("Too many connections from your address");
        }
        return new Admitted(release);
    }

    /** A one-second window per address: {windowStartMillis, count}. Stale windows are purged lazily. */
    private boolean withinConnectRate(InetAddress address, int perSecond) {
        long now = System.currentTimeMillis();
        if (recentConnects.size() > 10_000) {
            recentConnects.entrySet().removeIf(e -> now - e.getValue()[0] >= 1000);
        }
        long[] w = recentConnects.compute(address, (a, old) -> {
            if (old == null || now - old[0] >= 1000) {
                return new long[] {now, 1};
            }
            old[1]++;
            return old;
        });
        return w[1] <= perSecond;
    }
}
