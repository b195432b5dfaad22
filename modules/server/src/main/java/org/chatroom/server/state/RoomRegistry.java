package org.chatroom.server.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chatroom.protocol.CaseMapping;
import org.chatroom.protocol.Numeric;

/**
 * Rooms by case-folded name. Reads are lock-free; everything that changes membership runs with the
 * {@link ChatRegistry} lock held, which keeps a member's room set and the room's members in step.
 */
public final class RoomRegistry {
    private final CaseMapping mapping;
    private final Object lock;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    RoomRegistry(CaseMapping mapping, Object lock) {
        this.mapping = mapping;
        this.lock = lock;
    }

    /** Creates a room that exists with no members and is never removed. */
    public Room configure(String name, Topic topic) {
        return rooms.computeIfAbsent(mapping.fold(name), k -> new Room(name, true, topic, lock));
    }

    public Room get(String name) {
        return rooms.get(mapping.fold(name));
    }

    public Collection<Room> all() {
        return List.copyOf(rooms.values());
    }

    public int count() {
        return rooms.size();
    }

    /** Lock held. Decides and, if allowed, adds {@code c}; a room that does not exist is made if {@code create}. */
    JoinResult join(Client c, String name, String key, boolean create) {
        String folded = mapping.fold(name);
        Room room = rooms.get(folded);
        if (room == null) {
            if (!create) {
                return JoinResult.refused(null, Numeric.ERR_NOSUCHCHANNEL);
            }
            room = new Room(name, false, Topic.none(), lock);
            rooms.put(folded, room);
            add(c, room, Membership.OPERATOR); // whoever creates a room runs it
            return JoinResult.joined(room);
        }
        if (room.contains(c)) {
            return JoinResult.member(room);
        }
        Numeric refusal = room.refusal(c, key);
        if (refusal != null) {
            return JoinResult.refused(room, refusal);
        }
        add(c, room, Membership.PLAIN);
        return JoinResult.joined(room);
    }

    /** Lock held. A ghost joins (its node decided); its standing is updated if it is there already. */
    Room addGhost(Client ghost, String name, Membership standing) {
        String folded = mapping.fold(name);
        Room room = rooms.get(folded);
        if (room == null) {
            room = new Room(name, false, Topic.none(), lock);
            rooms.put(folded, room);
        }
        if (room.contains(ghost)) {
            room.setMembership(ghost, standing);
        } else {
            add(ghost, room, standing);
        }
        return room;
    }

    private static void add(Client c, Room room, Membership standing) {
        room.add(c, standing);
        c.mutableRooms().add(room);
    }

    /** Lock held. Removes {@code c} from {@code room}; an unconfigured room with no one left is dropped. */
    boolean leave(Client c, Room room) {
        boolean removed = room.remove(c);
        c.mutableRooms().remove(room);
        if (room.size() == 0 && !room.configured()) {
            rooms.remove(mapping.fold(room.name()), room);
        }
        return removed;
    }

    /** Lock held. Removes {@code c} from every room; returns the rooms it was in. */
    List<Room> leaveAll(Client c) {
        List<Room> left = new ArrayList<>(c.rooms());
        for (Room r : left) {
            leave(c, r);
        }
        return left;
    }
}
