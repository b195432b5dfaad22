package org.chatroom.server.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chatroom.protocol.CaseMapping;
import org.chatroom.server.user.Client;

/**
 * Rooms by case-folded name. Reads are lock-free; {@link #join} and {@link #leave} must be called
 * with the {@link org.chatroom.server.ChatRegistry} lock held, which keeps a member's room set and
 * the room's member list in step.
 */
public final class RoomRegistry {
    private final CaseMapping mapping;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    public RoomRegistry(CaseMapping mapping) {
        this.mapping = mapping;
    }

    /** Creates a room that exists with no members and is never removed. */
    public Room configure(String name, Topic topic) {
        return rooms.computeIfAbsent(mapping.fold(name), k -> new Room(name, true, topic));
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

    /** Lock held. Adds {@code c}, creating the room if {@code create}; null if it doesn't exist and may not be made. */
    public Room join(Client c, String name, boolean create) {
        String key = mapping.fold(name);
        Room room = rooms.get(key);
        Membership standing = Membership.PLAIN;
        if (room == null) {
            if (!create) {
                return null;
            }
            room = new Room(name, false, Topic.none());
            rooms.put(key, room);
            standing = Membership.OPERATOR; // whoever creates a room runs it
        }
        room.add(c, standing);
        c.mutableRooms().add(room);
        return room;
    }

    /** Lock held. Changes {@code c}'s standing in {@code room}; false if not a member. */
    public boolean setMembership(Room room, Client c, Membership m) {
        return room.setMembership(c, m);
    }

    /** Lock held. Removes {@code c} from {@code room}; an unconfigured room with no one left is dropped. */
    public boolean leave(Client c, Room room) {
        boolean removed = room.remove(c);
        c.mutableRooms().remove(room);
        if (room.size() == 0 && !room.configured()) {
            rooms.remove(mapping.fold(room.name()), room);
        }
        return removed;
    }

    /** Lock held. Removes {@code c} from every room; returns the rooms it was in. */
    public List<Room> leaveAll(Client c) {
        List<Room> left = new ArrayList<>(c.rooms());
        for (Room r : left) {
            leave(c, r);
        }
        return left;
    }
}
