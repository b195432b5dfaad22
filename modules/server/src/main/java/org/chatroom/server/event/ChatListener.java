package org.chatroom.server.event;

/**
 * What happens in the daemon, for observers such as the admin {@code monitor} stream. Methods are
 * called on the event loop of the user concerned and must return at once (hand work off if needed).
 * Room message text is passed on for live monitoring only; it is never logged.
 */
public interface ChatListener {
    default void connected(String address) {
    }

    default void registered(String nick, String address) {
    }

    default void joined(String nick, String room) {
    }

    default void parted(String nick, String room, String reason) {
    }

    default void quit(String nick, String reason) {
    }

    default void nickChanged(String oldNick, String newNick) {
    }

    default void kicked(String nick, String room, String by, String reason) {
    }

    default void topicChanged(String nick, String room, String topic) {
    }

    default void roomMessage(String nick, String room, String text) {
    }
}
