package org.chatroom.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** A client's listeners: each event goes to all of them, one event at a time; a failing one is logged and skipped. */
final class ChatListeners {
    private static final Logger LOG = LogManager.getLogger();

    private final List<ChatListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    void add(ChatListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(ChatListener listener) {
        listeners.remove(listener);
    }

    void emit(ChatEvent event) {
        synchronized (lock) {
            for (ChatListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("a chat listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
