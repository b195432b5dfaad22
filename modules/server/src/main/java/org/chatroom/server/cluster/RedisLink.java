package org.chatroom.server.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One node's connection to Redis, through Lettuce: one multiplexed connection for commands (Lettuce
 * pipelines concurrent calls on it and reconnects by itself). Every call returns at once; its future
 * completes on the loop the connection lives on ({@link RedisThreads}: one of the daemon's, or Lettuce's own),
 * so a caller hands the outcome back with its lane, as it does for the store, and nothing waits for a call
 * on a loop: the answer may need that very loop.
 */
public final class RedisLink implements AutoCloseable {
    private final RedisThreads threads;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisLink(RedisThreads threads, RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.threads = threads;
        this.client = client;
        this.connection = connection;
    }

    /** Like {@link #connect(String, Duration, SharedLoops)}, on Lettuce's own threads (a client with no loops to lend). */
    public static RedisLink connect(String uri, Duration timeout) {
        return connect(uri, timeout, null);
    }

    /**
     * Connects to {@code uri} ({@code redis://host:port}); blocks, so for start-up only. A Redis that does
     * not answer within {@code timeout} fails with {@link io.lettuce.core.RedisConnectionException}.
     * {@code loops}: the daemon's event loops for the client to run on, or null for Lettuce's own threads.
     */
    public static RedisLink connect(String uri, Duration timeout, SharedLoops loops) {
        RedisURI target = RedisURI.create(uri);
        target.setTimeout(timeout);
        RedisThreads threads = RedisThreads.of(target, loops);
        RedisClient client = RedisClient.create(threads.resources(), target);
        // while Redis is away a command fails at once instead of waiting in Lettuce's queue: the node then
        // serves its users alone and catches up when the link is back (Lettuce reconnects by itself)
        client.setOptions(io.lettuce.core.ClientOptions.builder()
                .disconnectedBehavior(io.lettuce.core.ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        try {
            return new RedisLink(threads, client, client.connect());
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            threads.close();
            throw e;
        }
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
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2)); // its connections; the threads are not the client's
        threads.close();
    }
}
