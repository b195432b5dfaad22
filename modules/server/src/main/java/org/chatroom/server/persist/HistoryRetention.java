package org.chatroom.server.persist;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.store.ChatStore;

/**
 * The background job that keeps history within {@code history.retention} and
 * {@code history.room.max.lines}: its own thread (never a loop), every
 * {@code history.purge.interval}; the deletes are the store writer's like any write. It reads the
 * live configuration each run, so a reload changes the next run.
 */
public final class HistoryRetention implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final ServerContext context;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "history-retention");
        t.setDaemon(true);
        return t;
    });

    public HistoryRetention(ServerContext context) {
        this.context = context;
    }

    public void start(Duration every) {
        timer.scheduleWithFixedDelay(this::runSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("history retention failed this time: {}", e.getMessage());
        }
    }

    /** One pass: lines past the retention, then each target past the line cap. Returns the lines deleted. */
    public long runOnce() {
        ChatStore store = context.store();
        long keepFrom = System.currentTimeMillis() - context.config().get(ServerConfigKeys.HISTORY_RETENTION).toMillis();
        long deleted = store.purgeHistory(null, keepFrom).join();
        int cap = context.config().get(ServerConfigKeys.HISTORY_ROOM_MAX_LINES);
        if (cap > 0) {
            List<String> targets = store.historyTargets().join();
            for (String key : targets) {
                deleted += store.trimHistory(key, cap).join();
            }
        }
        context.history().forgetQuietClocks();
        if (deleted > 0) {
            LOG.info("history retention deleted {} line(s)", deleted);
        }
        return deleted;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
