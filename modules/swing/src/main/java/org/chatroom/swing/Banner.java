package org.chatroom.swing;

/**
 * The notice across the top of the window after a disconnection or a kick.
 *
 * @param message   what happened, in plain words
 * @param reconnect whether to offer the Reconnect button
 */
record Banner(String message, boolean reconnect) {
}
