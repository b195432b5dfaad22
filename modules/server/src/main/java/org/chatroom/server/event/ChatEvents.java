package org.chatroom.server.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The registered {@link ChatListener}s; firing costs one volatile read when there are none. */
public final class ChatEvents {
    private static final Logger LOG = LogManager.getLogger();
    private final List<ChatListener> listeners = new CopyOnWriteArrayList<>();

    public void add(ChatListener l) {
        listeners.add(l);
    }

    public void remove(ChatListener l) {
        listeners.remove(l);
    }

    /** Calls {@code call} on every listener; one listener's failure never reaches the caller or the others. */
    public void fire(Consumer<ChatListener> call) {
        if (listeners.isEmpty()) {
            return;
        }
        for (ChatListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.error("event listener {} failed", l, e);
            }
        }
    }
}
