package org.chatroom.server.command;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.core.Lane;

/** A lane on one plain thread: what an event loop is to the core, without Netty. */
final class TestLane implements Lane, AutoCloseable {
    private final ExecutorService thread;
    private volatile Thread owner;

    TestLane(String name) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            owner = t;
            return t;
        });
        thread.submit(() -> { }); // start the thread so inLane() can answer
    }

    @Override
    public boolean inLane() {
        return Thread.currentThread() == owner;
    }

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    @Override
    public java.util.concurrent.Future<?> schedule(Runnable task, java.time.Duration delay) {
        java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, thread)
                .execute(() -> {
                    if (!f.isCancelled()) {
                        task.run();
                    }
                });
        return f;
    }

    /** Waits until everything queued on this lane so far has run. */
    void drain() throws Exception {
        thread.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
