package org.chatroom.server.cluster;

import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One try at taking a node's lease at start-up ({@code SET key token NX PX lease}), polled until it
 * succeeds or a live holder shows: the time the key has left ({@code PTTL}) only falls while nobody
 * renews it, so a rise means the holder is alive. A stale lease (this node crashed less than a lease
 * ago) runs out within one lease; the wait is bounded by that, plus a margin for a slow Redis.
 * Polls on a delayed executor, so no thread sleeps.
 */
final class LeaseAcquisition {
    private static final Logger LOG = LogManager.getLogger(NodeLease.class);
    private static final long POLL_MILLIS = 100;
    private static final long MARGIN_MILLIS = 1000;
    /** A reaper's steps each wait at most 5 s for Redis; the whole is quick unless Redis is. */
    private static final long REAP_WAIT_MILLIS = 10_000;
    /** Not a PTTL answer (those are -2, -1 or a time left): the SET took the lease. */
    private static final long TAKEN = Long.MIN_VALUE;

    private final RedisLink redis;
    private final String node;
    private final String key;
    private final String token;
    private final Duration lease;
    private final long deadlineNanos;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private long lastLeft = -1;
    private long reapDeadline;

    LeaseAcquisition(RedisLink redis, String node, String key, String token, Duration lease) {
        this.redis = redis;
        this.node = node;
        this.key = key;
        this.token = token;
        this.lease = lease;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lease.toMillis() + MARGIN_MILLIS);
    }

    CompletableFuture<Void> run() {
        attempt();
        return done;
    }

    private void attempt() {
        redis.async().set(key, token, SetArgs.Builder.nx().px(lease.toMillis())).toCompletableFuture()
                .thenCompose(ok -> "OK".equals(ok) ? CompletableFuture.completedFuture(TAKEN)
                        : redis.async().pttl(key).toCompletableFuture())
                .whenComplete((left, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else if (left == TAKEN) {
                        reapDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REAP_WAIT_MILLIS);
                        afterReaping();
                    } else {
                        held(left);
                    }
                });
    }

    /**
     * Taken. A survivor that found the old lease expired may be reaping this node id right now (it won
     * {@code chat:reap:<id>} before we took the lease; no reaping starts after, see
     * {@link NodeLease#claimReaping}): its QUITs and frees must not hit this run's users, so wait for it
     * to end (it deletes the key), at most a few seconds.
     */
    private void afterReaping() {
        redis.async().exists("chat:reap:" + node).toCompletableFuture().whenComplete((n, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else if (n == 0 || System.nanoTime() - reapDeadline > 0) {
                done.complete(null);
            } else {
                CompletableFuture.delayedExecutor(POLL_MILLIS, TimeUnit.MILLISECONDS).execute(this::afterReaping);
            }
        });
    }

    /** The key is held; {@code left}: its PTTL (-2 gone since the SET, -1 no expiry). */
    private void held(long left) {
        if (lastLeft >= 0 && left > lastLeft) {
            done.completeExceptionally(new NodeIdInUseException(node)); // renewed while we waited
            return;
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            done.completeExceptionally(new NodeIdInUseException(node)); // no expiry, or never runs out
            return;
        }
        if (lastLeft < 0 && left >= 0) {
            LOG.info("cluster: the lease of node id {} is held ({} ms left); waiting to see whether a running"
                    + " daemon renews it or it is the stale one of a crash", node, left);
        }
        if (left >= 0) {
            lastLeft = left;
        }
        long wait = left == -2 ? 0 : left == -1 ? POLL_MILLIS : Math.min(POLL_MILLIS, left);
        Executor later = CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS);
        later.execute(this::attempt);
    }
}
