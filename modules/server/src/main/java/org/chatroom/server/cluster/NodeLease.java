package org.chatroom.server.cluster;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A node's sign of life in Redis: {@code chat:node:<id>:lease} with a time to live of the lease
 * (default 10 s), renewed well within it, and the node's id in {@code chat:nodes}. A node listed there
 * whose lease key has expired is dead: one survivor (the one that wins {@code chat:reap:<id>}, a
 * short-lived {@code SET … NX}) frees its nicks and tells everyone its users quit, then
 * {@link #forget}s it. A node that only lost Redis for a while renews again when it is back; its lease
 * outlives short outages.
 *
 * <p>The lease holds a token drawn by each run of the daemon, so two processes given one node id
 * cannot both hold it: a run takes the lease with {@link #acquire} before it touches anything of its
 * id, and renews or resigns it only while the token is its own.
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

    /** Renews the lease if it is this run's or nobody's (expired while Redis was away); 0 if another run holds it. */
    private static final String RENEW_IF_OURS = """
            local holder = redis.call('GET', KEYS[1])
            if holder and holder ~= ARGV[1] then return 0 end
            redis.call('PSETEX', KEYS[1], ARGV[2], ARGV[1])
            redis.call('SADD', KEYS[2], ARGV[3])
            return 1
            """;

    private static final String CLAIM_REAPING = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', 60000) then return 1 end
            return 0
            """;

    /** Ends the lease only if it is this run's (a refused duplicate must not end the live node's). */
    private static final String RESIGN_IF_OURS = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('SREM', KEYS[2], ARGV[2])
            return 1
            """;

    private final RedisLink redis;
    private final String node;
    private final Duration lease;
    private final String token = UUID.randomUUID().toString();

    public NodeLease(RedisLink redis, String node, Duration lease) {
        this.redis = redis;
        this.node = node;
        this.lease = lease;
    }

    /**
     * Start-up: takes the lease of this node id for this run. A lease held already is either the stale
     * one of this node's last run (it crashed less than a lease ago: it runs out, and then it is taken)
     * or a live process's (it is renewed meanwhile: fails with {@link NodeIdInUseException}). So it waits
     * at most about one lease, and only when the id was held.
     */
    public CompletableFuture<Void> acquire() {
        return new LeaseAcquisition(redis, node, leaseKey(node), token, lease).run()
                .thenCompose(v -> redis.async().sadd("chat:nodes", node).toCompletableFuture())
                .thenApply(added -> null);
    }

    public String node() {
        return node;
    }

    /** How often to renew: a third of the lease, so two lost renewals in a row still keep it. */
    public Duration renewEvery() {
        return lease.dividedBy(3);
    }

    /**
     * Renews this node's lease and lists it among the nodes; fails with {@link NodeIdInUseException} when
     * another process took this node id while this one could not renew (its lease ran out meanwhile).
     */
    public CompletableFuture<Void> renew() {
        return redis.evalLong(RENEW_IF_OURS, new String[] {leaseKey(node), "chat:nodes"}, token,
                Long.toString(lease.toMillis()), node).thenAccept(renewed -> {
                    if (renewed == 0) {
                        throw new NodeIdInUseException(node);
                    }
                });
    }

    /** Nodes listed whose lease has run out (never this one). */
    public CompletableFuture<List<String>> expired() {
        return redis.async().<List<Object>>eval(ALIVE_IF_LISTED, io.lettuce.core.ScriptOutputType.MULTI,
                new String[] {"chat:nodes"}, node).toCompletableFuture()
                .thenApply(list -> list.stream().map(Object::toString).collect(Collectors.toList()));
    }

    /**
     * True if this node won the right to clean up after {@code dead} (for a minute, or until it forgets
     * it). False too when {@code dead} holds a lease again (a new run took it since it was seen expired):
     * checked in the same step, so a run that took its lease is never reaped, and one that takes it
     * while a reaping runs waits for it to end ({@link LeaseAcquisition}).
     */
    public CompletableFuture<Boolean> claimReaping(String dead) {
        return redis.evalLong(CLAIM_REAPING, new String[] {leaseKey(dead), "chat:reap:" + dead}, node)
                .thenApply(won -> won == 1);
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
        return redis.evalLong(RESIGN_IF_OURS, new String[] {leaseKey(node), "chat:nodes"}, token, node)
                .thenApply(resigned -> null);
    }

    private static String leaseKey(String node) {
        return "chat:node:" + node + ":lease";
    }
}
