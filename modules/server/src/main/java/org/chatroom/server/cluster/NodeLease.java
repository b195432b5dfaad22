package org.chatroom.server.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A node's sign of life in Redis: {@code chat:node:<id>:lease} with a time to live of the lease
 * (default 10 s), renewed well within it, and the node's id in {@code chat:nodes}. A node listed there
 * whose lease key has expired is dead: one survivor (the one that wins {@code chat:reap:<id>}, a
 * short-lived {@code SET … NX}) frees its nicks and tells everyone its users quit, then
 * {@link #forget}s it. A node that only lost Redis for a while renews again when it is back; its lease
 * outlives short outages.
 */
public final class NodeLease {
    private static final String ALIVE_IF_LISTED = """
            local dead = {}
            for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              if node ~= ARGV[1] and redis.call('EXISTS', 'chat:node:' .. node .. ':lease') == 0 then
                table.insert(dead, node)
              end
            end
            return dead
            """;

    private final RedisLink redis;
    private final String node;
    private final Duration lease;

    public NodeLease(RedisLink redis, String node, Duration lease) {
        this.redis = redis;
        this.node = node;
        this.lease = lease;
    }

    public String node() {
        return node;
    }

    /** How often to renew: a third of the lease, so two lost renewals in a row still keep it. */
    public Duration renewEvery() {
        return lease.dividedBy(3);
    }

    /** Renews this node's lease and lists it among the nodes. */
    public CompletableFuture<Void> renew() {
        var async = redis.async();
        CompletableFuture<String> set = async.psetex(leaseKey(node), lease.toMillis(), "alive").toCompletableFuture();
        CompletableFuture<Long> listed = async.sadd("chat:nodes", node).toCompletableFuture();
        return CompletableFuture.allOf(set, listed);
    }

    /** Nodes listed whose lease has run out (never this one). */
    public CompletableFuture<List<String>> expired() {
        return redis.async().<List<Object>>eval(ALIVE_IF_LISTED, io.lettuce.core.ScriptOutputType.MULTI,
                new String[] {"chat:nodes"}, node).toCompletableFuture()
                .thenApply(list -> list.stream().map(Object::toString).collect(Collectors.toList()));
    }

    /** True if this node won the right to clean up after {@code dead} (for a minute, or until it forgets it). */
    public CompletableFuture<Boolean> claimReaping(String dead) {
        return redis.async().set("chat:reap:" + dead, node, io.lettuce.core.SetArgs.Builder.nx().px(60_000))
                .toCompletableFuture().thenApply("OK"::equals);
    }

    /** Drops {@code dead} from the node list once its users are gone. */
    public CompletableFuture<Void> forget(String dead) {
        var async = redis.async();
        return CompletableFuture.allOf(async.srem("chat:nodes", dead).toCompletableFuture(),
                async.del("chat:reap:" + dead).toCompletableFuture());
    }

    /** The lease time (a node silent this long is gone). */
    public Duration duration() {
        return lease;
    }

    /** Whether {@code other} holds a lease now. */
    public CompletableFuture<Boolean> holds(String other) {
        return redis.async().exists(leaseKey(other)).toCompletableFuture().thenApply(n -> n > 0);
    }

    /** Ends this node's lease at once (a clean shutdown: nobody has to wait for it to expire). */
    public CompletableFuture<Void> resign() {
        var async = redis.async();
        return CompletableFuture.allOf(async.del(leaseKey(node)).toCompletableFuture(),
                async.srem("chat:nodes", node).toCompletableFuture());
    }

    private static String leaseKey(String node) {
        return "chat:node:" + node + ":lease";
    }
}
