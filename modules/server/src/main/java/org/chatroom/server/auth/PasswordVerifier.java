package org.chatroom.server.auth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Checks passwords on a small bounded pool: a PBKDF2 check takes a quarter of a second of CPU and
 * must never run on an event loop. Past the queue bound new checks are refused at once, so a
 * flood of password attempts costs the attackers, not the users.
 */
public final class PasswordVerifier implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    public PasswordVerifier(int threads, int queued) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued), r -> {
            Thread t = new Thread(r, "password-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** One thread per two cores, at least one; 64 checks may wait. */
    public static PasswordVerifier forThisMachine() {
        return new PasswordVerifier(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 64);
    }

    /**
     * Checks {@code candidate} against {@code hash} off the caller's thread and hands the outcome
     * to {@code result} on a pool thread. Returns false, without calling {@code result}, when too
     * many checks wait already.
     */
    public boolean verify(PasswordHash hash, String candidate, Consumer<Boolean> result) {
        try {
            pool.execute(() -> result.accept(hash.matches(candidate)));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Hashes {@code password} (a new account's, or a new password) on the same pool: creating a hash
     * costs as much as checking one. Past the queue bound the future fails at once.
     */
    public java.util.concurrent.CompletableFuture<PasswordHash> hash(String password) {
        try {
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> PasswordHash.create(password.toCharArray()), pool);
        } catch (RejectedExecutionException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
