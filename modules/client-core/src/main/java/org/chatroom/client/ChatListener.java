package org.chatroom.client;

/**
 * Receives a {@link ChatClient}'s events. Calls come one at a time, mostly on the connection's reader
 * thread (state changes between connections come from the client's scheduler thread, local echoes from
 * the sending thread); a listener must return quickly and hand UI work to its own thread.
 */
@FunctionalInterface
public interface ChatListener {
    void onEvent(ChatEvent event);
}
