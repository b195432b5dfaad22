package org.chatroom.server.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Collects WARN-and-above log events (or one logger's at a chosen level) while installed, so a test can assert the daemon logged no errors. */
public final class LogWatcher extends AbstractAppender implements AutoCloseable {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private String logger;

    private LogWatcher() {
        super("test-watcher", null, null, true, Property.EMPTY_ARRAY);
    }

    public static LogWatcher install() {
        LogWatcher w = new LogWatcher();
        w.start();
        LoggerContext ctx = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().addAppender(w, Level.WARN, null);
        ctx.updateLoggers();
        return w;
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder sb = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + ": "
                + event.getMessage().getFormattedMessage());
        Throwable t = event.getThrown();
        if (t != null) {
            sb.append(" -- ").append(t);
            StackTraceElement[] st = t.getStackTrace();
            for (int i = 0; i < Math.min(4, st.length); i++) {
                sb.append(" at ").append(st[i]);
            }
        }
        events.add(sb.toString());
    }

    public List<String> events() {
        return events;
    }

    /**
     * Collects the events of one logger (a class's) at {@code level} and above, INFO included, which
     * the tests' configuration otherwise drops; they go only here, not to the console.
     */
    public static LogWatcher install(Class<?> logger, Level level) {
        LogWatcher w = new LogWatcher();
        w.logger = logger.getName();
        w.start();
        LoggerContext ctx = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        LoggerConfig lc = new LoggerConfig(w.logger, level, false);
        lc.addAppender(w, level, null);
        ctx.getConfiguration().addLogger(w.logger, lc);
        ctx.updateLoggers();
        return w;
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        if (logger != null) {
            ctx.getConfiguration().removeLogger(logger);
        }
        ctx.getConfiguration().getRootLogger().removeAppender(getName());
        ctx.updateLoggers();
        stop();
    }
}
