package org.chatroom.server.store;

import java.util.List;

/**
 * What is kept of a permanent room: its mode letters (of {@code Cimnst}), key (null = none), limit
 * (0 = none), topic, its ban list and its ban-exception (+e) and invite-exception (+I) lists, and
 * the account that registered it (null = none), who keeps op in it across restarts. Times of topics
 * and list entries are in epoch seconds, as IRC shows them.
 */
public record RoomRow(String name, String flags, String key, int limit, String topic, String topicSetBy,
                      long topicSetAtSeconds, List<RoomBanRow> bans, List<RoomBanRow> exceptions,
                      List<RoomBanRow> invites, String owner) {
    public RoomRow {
        bans = List.copyOf(bans);
        exceptions = List.copyOf(exceptions);
        invites = List.copyOf(invites);
    }

    /** A room nobody owns. */
    public RoomRow(String name, String flags, String key, int limit, String topic, String topicSetBy,
                   long topicSetAtSeconds, List<RoomBanRow> bans, List<RoomBanRow> exceptions,
                   List<RoomBanRow> invites) {
        this(name, flags, key, limit, topic, topicSetBy, topicSetAtSeconds, bans, exceptions, invites, null);
    }

    /** A room with no +e or +I entries and no owner. */
    public RoomRow(String name, String flags, String key, int limit, String topic, String topicSetBy,
                   long topicSetAtSeconds, List<RoomBanRow> bans) {
        this(name, flags, key, limit, topic, topicSetBy, topicSetAtSeconds, bans, List.of(), List.of(), null);
    }

    /** One entry of a room's +b, +e or +I list. */
    public record RoomBanRow(String mask, String setBy, long setAtSeconds) {
    }
}
