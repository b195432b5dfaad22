package org.chatroom.server.core;

import java.util.concurrent.Executor;

/**
 * The single thread a user's commands and output run on (an event loop for the Netty transports).
 * The core groups room members by lane so one message costs one task per lane, not per member.
 */
public interface Lane extends Executor {
    /** True when the caller already runs on this lane, so work may be done inline. */
    boolean inLane();

    /** Runs {@code task} now when on this lane, else queues it; queued tasks run in order. */
    default void run(Runnable task) {
        if (inLane()) {
            task.run();
        } else {
            execute(task);
        }
    }
}
