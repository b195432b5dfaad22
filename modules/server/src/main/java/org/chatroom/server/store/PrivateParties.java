package org.chatroom.server.store;

/**
 * The two accounts of a private message, as registered ({@code from} sent it); {@code pending}: nobody
 * was logged in to {@code to} when it was sent, so it waits for that account's next login.
 */
public record PrivateParties(String from, String to, boolean pending) {
}
