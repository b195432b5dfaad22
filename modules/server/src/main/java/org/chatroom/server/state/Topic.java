package org.chatroom.server.state;

/**
 * A room topic and who set it when (for 332/333).
 *
 * @param text         the topic; empty means none
 * @param setBy        nick or server name of the setter
 * @param setAtSeconds Unix time in seconds
 */
public record Topic(String text, String setBy, long setAtSeconds) {
    public static Topic none() {
        return new Topic("", "", 0);
    }

    public boolean isSet() {
        return !text.isEmpty();
    }
}
