package org.chatroom.server.web;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;

/**
 * Plain HTTP connections (the page, its files, /health, /metrics, a WebSocket before its handshake)
 * open at once per address, bounded by {@code http.max.connections.per.ip}. They are not counted
 * under {@code max.connections.per.ip}: a browser opens several at once to load the page, which
 * would use up a user's IRC budget (docs/security.md). A WebSocket leaves this count at its
 * handshake and counts as an IRC session from then on. Limits are read live; shared by all listeners.
 */
final class HttpConnections {
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

    /** Whether {@code address} may open one more; if true, {@link #release} it exactly once. */
    boolean tryAcquire(InetAddress address, ServerConfig cfg) {
        int max = cfg.get(ServerConfigKeys.HTTP_MAX_CONNECTIONS_PER_IP);
        AtomicInteger n = open.computeIfAbsent(address, a -> new AtomicInteger());
        if (n.incrementAndGet() <= max) {
            return true;
        }
        release(address);
        return false;
    }

    void release(InetAddress address) {
        open.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Whether {@code address} is free of the limit: a listed exempt address or a trusted reverse proxy. */
    static boolean exempt(InetAddress address, ServerConfig cfg) {
        return cfg.get(ServerConfigKeys.LIMITS_EXEMPT).contains(address)
                || cfg.get(ServerConfigKeys.HTTP_TRUSTED_PROXIES).contains(address);
    }
}
