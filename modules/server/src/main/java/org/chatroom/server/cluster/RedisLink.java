package org.chatroom.server.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;

/**
 * One node's connection to Redis, through Lettuce: one multiplexed connection for commands (Lettuce
 * pipelines concurrent calls on it and reconnects by itself). Every call returns at once; its future
 * completes on a Lettuce thread, never on the caller's, so a caller on an event loop hands the outcome
 * back with its lane, as it does for the store.
 */
public final class RedisLink implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisLink(RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.client = client;
        this.connection = connection;
    }

    /**
     * Connects to {@code uri} ({@code redis://host:port}); blocks, so for start-up only. A Redis that does
     * not answer within {@code timeout} fails with {@link io.lettuce.core.RedisConnectionException}.
     */
    public static RedisLink connect(String uri, Duration timeout) {
        RedisURI target = RedisURI.create(uri);
        target.setTimeout(timeout);
        // Lettuce's default back-off grows to 30 s between tries: a node would stay alone that long after
        // Redis is back; 2 s at most keeps a restart of Redis a matter of seconds
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, target);
        // while Redis is away a command fails at once instead of waiting in Lettuce's queue: the node then
        // serves its users alone and catches up when the link is back (Lettuce reconnects by itself)
        client.setOptions(io.lettuce.core.ClientOptions.builder()
                .disconnectedBehavior(io.lettuce.core.ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        try {
            return new RedisLink(client, client.connect());
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * Calls {@code lost} when a connection to Redis drops and {@code back} when one is made again (Lettuce's
     * threads: both must only hand over).
     */
    void onConnectionChange(Runnable lost, Runnable back) {
        client.addListener(new io.lettuce.core.RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> connection, java.net.SocketAddress address) {
                back.run();
            }

            @Override
            public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> connection) {
                lost.run();
            }
        });
    }

    /** A second connection, for subscriptions (a subscribed connection takes no other commands). */
    io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return client.connectPubSub();
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
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        client.getResources().shutdown(0, 2, TimeUnit.SECONDS);
    }
}
