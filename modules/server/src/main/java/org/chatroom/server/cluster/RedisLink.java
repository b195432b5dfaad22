package org.chatroom.server.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One node's connection to Redis, through Lettuce: one multiplexed connection for commands (Lettuce
 * pipelines concurrent calls on it and reconnects by itself) and the subscriptions {@link RoomBus} makes.
 *
 * <p>Commands run on Lettuce's own threads; their futures complete there, so a caller on an event loop
 * hands the outcome back with its lane, as it does for the store. They stay off the daemon's loops on
 * purpose: the lease renewal, nick claims and directory reads must be answered while a node's loops are
 * saturated (measured on shared loops: replies waited seconds behind the fan-out, the node thought Redis
 * away, resynchronised, and once missed its lease). Subscriptions, the hot path of a receiving node, run on
 * the daemon's loops when it lends them ({@link SharedLoops}): an event is read and delivered on the same
 * loop, with no hand-off per event. Every write stays on the one command connection, in the order made
 * (a member's directory entry before its JOIN event, a nick's release before its QUIT).
 */
public final class RedisLink implements AutoCloseable {
    private final RedisThreads threads;
    private final RedisClient client;
    private final RedisThreads subscriberThreads; // the same as threads when no loops are lent
    private final RedisClient subscriber;
    private final StatefulRedisConnection<String, String> connection;

    private RedisLink(RedisThreads threads, RedisClient client, RedisThreads subscriberThreads, RedisClient subscriber,
                      StatefulRedisConnection<String, String> connection) {
        this.threads = threads;
        this.client = client;
        this.subscriberThreads = subscriberThreads;
        this.subscriber = subscriber;
        this.connection = connection;
    }

    /** Like {@link #connect(String, Duration, SharedLoops)}, on Lettuce's own threads (a client with no loops to lend). */
    public static RedisLink connect(String uri, Duration timeout) {
        return connect(uri, timeout, null);
    }

    /**
     * Connects to {@code uri} ({@code redis://host:port}); blocks, so for start-up only. A Redis that does
     * not answer within {@code timeout} fails with {@link io.lettuce.core.RedisConnectionException}.
     * {@code loops}: the daemon's event loops for the subscriptions, or null for Lettuce's own threads.
     */
    public static RedisLink connect(String uri, Duration timeout, SharedLoops loops) {
        RedisURI target = RedisURI.create(uri);
        target.setTimeout(timeout);
        RedisThreads threads = RedisThreads.own();
        RedisClient client = client(threads, target);
        RedisThreads shared = loops == null ? null : RedisThreads.shared(target, loops);
        RedisThreads subscriberThreads = shared == null ? threads : shared;
        RedisClient subscriber = shared == null ? client : client(shared, target);
        try {
            return new RedisLink(threads, client, subscriberThreads, subscriber, client.connect());
        } catch (RuntimeException e) {
            shutdown(threads, client, subscriberThreads, subscriber);
            throw e;
        }
    }

    /**
     * Calls {@code lost} when a connection to Redis drops and {@code back} when one is made again (on
     * Lettuce's threads or a daemon loop: both must only hand over).
     */
    void onConnectionChange(Runnable lost, Runnable back) {
        RedisConnectionStateListener listener = new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, java.net.SocketAddress address) {
                back.run();
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                lost.run();
            }
        };
        client.addListener(listener);
        if (subscriber != client) {
            subscriber.addListener(listener);
        }
    }

    private static RedisClient client(RedisThreads threads, RedisURI target) {
        RedisClient client = RedisClient.create(threads.resources(), target);
        // while Redis is away a command fails at once instead of waiting in Lettuce's queue: the node then
        // serves its users alone and catches up when the link is back (Lettuce reconnects by itself)
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        return client;
    }

    /** A connection for subscriptions (a subscribed connection takes no other commands); its events arrive on its loop. */
    StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return subscriber.connectPubSub();
    }

    RedisAsyncCommands<String, String> async() {
        return connection.async();
    }

    /** Runs a Lua script that answers an integer (scripts keep a check and its change one step in Redis). */
    CompletableFuture<Long> evalLong(String script, String[] keys, String... args) {
        return connection.async().<Long>eval(script, ScriptOutputType.INTEGER, keys, args).toCompletableFuture();
    }

    /** Whether the connection is up right now (Lettuce reconnects by itself when it is not). */
    public boolean isConnected() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        connection.close();
        shutdown(threads, client, subscriberThreads, subscriber);
    }

    /** The clients' connections, then their threads (never the daemon's loops: those are the daemon's to stop). */
    private static void shutdown(RedisThreads threads, RedisClient client, RedisThreads subscriberThreads,
                                 RedisClient subscriber) {
        if (subscriber != client) {
            subscriber.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            subscriberThreads.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        threads.close();
    }
}
