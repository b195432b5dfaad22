package org.chatroom.server.store;

import java.util.List;

/**
 * What is kept of a permanent room: its mode letters (of {@code imnt}), key (null = none), limit
 * (0 = none), topic and its ban list. Times of topics and room bans are in epoch seconds, as IRC
 * shows them.
 */
public record RoomRow(String name, String flags, String key, int limit, String topic, String topicSetBy,
                      long topicSetAtSeconds, List<RoomBanRow> bans) {
    public RoomRow {
        bans = List.copyOf(bans);
    }

    /** One entry of a room's +b list. */
    public record RoomBanRow(String mask, String setBy, long setAtSeconds) {
    }
}
