package org.chatroom.server.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.chatroom.server.core.Lane;
import org.chatroom.server.core.Outbound;

/**
 * The transport of every ghost (a user of another node): writes nothing, since the user's own node
 * delivers to it, and its lane runs work at once on the caller's thread (a ghost has no session here;
 * {@link GhostControl} forwards a kick or kill to its node).
 */
final class GhostOutbound implements Outbound, Lane {
    static final GhostOutbound INSTANCE = new GhostOutbound();

    private GhostOutbound() {
    }

    @Override
    public Lane lane() {
        return this;
    }

    @Override
    public void write(byte[] line) {
    }

    @Override
    public void close(byte[] lastLine) {
    }

    @Override
    public void abort() {
    }

    @Override
    public void pauseReading() {
    }

    @Override
    public void resumeReading() {
    }

    @Override
    public boolean inLane() {
        return true;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
        return CompletableFuture.completedFuture(null); // nothing of a ghost's is timed here
    }
}
