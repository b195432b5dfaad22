package org.chatroom.server.store;

import java.util.List;

/**
 * What is kept of a permanent room: its mode letters (of {@code Cimnst}), key (null = none), limit
 * (0 = none), topic, its ban list and its ban-exception (+e) and invite-exception (+I) lists. Times
 * of topics and list entries are in epoch seconds, as IRC shows them.
 */
public record RoomRow(String name, String flags, String key, int limit, String topic, String topicSetBy,
                      long topicSetAtSeconds, List<RoomBanRow> bans, List<RoomBanRow> exceptions,
                      List<RoomBanRow> invites) {
    public RoomRow {
        bans = List.copyOf(bans);
        exceptions = List.copyOf(exceptions);
        invites = List.copyOf(invites);
    }

    /** A room with no +e or +I entries. */
    public RoomRow(String name, String flags, String key, int limit, String topic, String topicSetBy,
                   long topicSetAtSeconds, List<RoomBanRow> bans) {
        this(name, flags, key, limit, topic, topicSetBy, topicSetAtSeconds, bans, List.of(), List.of());
    }

    /** One entry of a room's +b, +e or +I list. */
    public record RoomBanRow(String mask, String setBy, long setAtSeconds) {
    }
}
