package org.chatroom.server.core;

import java.util.concurrent.Executor;

/**
 * The single thread a user's commands and output run on (an event loop for the Netty transports).
 * The core groups room members by lane so one message costs one task per lane, not per member.
 */
public interface Lane extends Executor {
    /** True when the caller already runs on this lane, so work may be done inline. */
    boolean inLane();

    /**
     * Called on this lane after a room's message was handed to its members here. A transport that
     * batches writes may send early when much is waiting: a lane fed faster than it drains must not
     * let its batch grow without bound.
     */
    default void afterFanOut() {
    }

    /**
     * Runs {@code task} on this lane after {@code delay} (on the lane's own clock: an event loop's
     * ticker, so tests with a mock ticker need not wait). Cancel it with the future.
     */
    java.util.concurrent.Future<?> schedule(Runnable task, java.time.Duration delay);

    /** Runs {@code task} now when on this lane, else queues it; queued tasks run in order. */
    default void run(Runnable task) {
        if (inLane()) {
            task.run();
        } else {
            execute(task);
        }
    }
}
