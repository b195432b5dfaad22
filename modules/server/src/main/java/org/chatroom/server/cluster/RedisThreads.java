package org.chatroom.server.cluster;

import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.Transports;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The threads a Redis client runs on: Lettuce's own, or the daemon's loops when it lends them
 * ({@link SharedLoops}; {@link RedisLink} puts its subscriptions there). On shared loops Lettuce's I/O and its
 * few scheduled tasks (reconnect attempts, the handshake's guard) run there, none of which blocks: a name lookup
 * goes to {@link OffLoopResolver}; timeouts stay on Lettuce's timer thread. Lettuce keeps its own threads when it
 * cannot share ({@link #whyNotShared}: a {@code rediss://} link, or a daemon transport other than Lettuce's).
 */
final class RedisThreads implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final ClientResources resources;
    private final OffLoopResolver resolver; // null on Lettuce's own threads

    private RedisThreads(ClientResources resources, OffLoopResolver resolver) {
        this.resources = resources;
        this.resolver = resolver;
    }

    /** Lettuce's own threads (the command connection's, and everything's when no loops are lent). */
    static RedisThreads own() {
        return new RedisThreads(DefaultClientResources.builder().reconnectDelay(RECONNECT).build(), null);
    }

    /**
     * Lettuce's default back-off grows to 30 s between tries: a node would stay alone that long after Redis
     * is back; 2 s at most keeps a restart of Redis a matter of seconds.
     */
    private static final Delay RECONNECT = Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2,
            TimeUnit.MILLISECONDS);

    /** Threads on the daemon's {@code loops} for a client of {@code target}, or null (said at INFO) when it cannot share them. */
    static RedisThreads shared(RedisURI target, SharedLoops loops) {
        String why = whyNotShared(target, loops.channelType(), Transports.socketChannelClass());
        if (why != null) {
            LOG.info("cluster: the Redis subscriptions run on Lettuce's threads: {}", why);
            return null;
        }
        OffLoopResolver resolver = new OffLoopResolver();
        EventLoopGroup group = loops.group();
        ClientResources shared = DefaultClientResources.builder()
                .eventLoopGroupProvider(new Lent(group))
                .eventExecutorGroup(group) // given, so Lettuce marks it shared and never shuts it
                .addressResolverGroup(resolver)
                .reconnectDelay(RECONNECT)
                .build();
        LOG.info("cluster: the Redis subscriptions run on the daemon's event loops");
        return new RedisThreads(shared, resolver);
    }

    /**
     * Null when a client for {@code target} can run on loops whose connections are {@code ours}; else why not.
     * {@code lettuces}: the socket class Lettuce takes (its own choice, epoll first, set on every connection it
     * makes; Netty refuses to set a bootstrap's channel twice, and a loop takes only its own transport's channels).
     */
    static String whyNotShared(RedisURI target, Class<?> ours, Class<?> lettuces) {
        if (target.isSsl()) {
            return "rediss: Lettuce reads the TLS key and trust material while it connects, which must not happen on"
                    + " an event loop";
        }
        if (ours != lettuces) {
            return "the daemon's transport makes " + ours.getSimpleName() + "s, Lettuce makes "
                    + lettuces.getSimpleName() + "s and cannot be told otherwise, and a loop takes only its own"
                    + " transport's channels (transport=auto shares)";
        }
        return null;
    }

    ClientResources resources() {
        return resources;
    }

    /** After the client's shutdown: Lettuce's timer (and, on its own threads, its loops); never the daemon's. */
    @Override
    public void close() {
        resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (resolver != null) {
            resolver.close();
        }
    }

    /** Hands Lettuce the daemon's group for whatever group type it asks for; releasing it stops nothing. */
    private static final class Lent implements EventLoopGroupProvider {
        private final EventLoopGroup group;

        Lent(EventLoopGroup group) {
            this.group = group;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends EventLoopGroup> T allocate(Class<T> type) {
            return (T) group; // Lettuce 7 asks for MultiThreadIoEventLoopGroup, what the daemon's group is
        }

        @Override
        public int threadPoolSize() {
            int n = 0;
            for (var ignored : group) {
                n++;
            }
            return n;
        }

        @Override
        public Future<Boolean> release(EventExecutorGroup eventLoopGroup, long quietPeriod, long timeout, TimeUnit unit) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
        }

        @Override
        public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit timeUnit) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
        }
    }
}
