package org.chatroom.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chatroom.protocol.CaseMapping;
import org.chatroom.server.room.Room;
import org.chatroom.server.room.RoomRegistry;
import org.chatroom.server.user.Client;

/**
 * The shared state of the daemon: who is online under which nick, and who is in which room.
 * Every change takes one lock (changes are rare next to messages, and one lock makes nick
 * changes, joins and quits atomic with respect to each other); every read is lock-free from
 * concurrent maps and immutable snapshots.
 */
public final class ChatRegistry {
    public static final CaseMapping MAPPING = CaseMapping.RFC1459;

    private final Object lock = new Object();
    private final Map<String, Client> byNick = new ConcurrentHashMap<>();
    private final RoomRegistry rooms = new RoomRegistry(MAPPING);

    public RoomRegistry rooms() {
        return rooms;
    }

    public Client byNick(String nick) {
        return byNick.get(MAPPING.fold(nick));
    }

    /** Registered users. */
    public Collection<Client> clients() {
        return List.copyOf(byNick.values());
    }

    public int clientCount() {
        return byNick.size();
    }

    /**
     * Gives {@code c} the nick, atomically with respect to other claims. Returns false if another
     * user holds it. A client changing only the case of its own nick succeeds.
     */
    public boolean claimNick(Client c, String nick) {
        String key = MAPPING.fold(nick);
        synchronized (lock) {
            Client holder = byNick.get(key);
            if (holder != null && holder != c) {
                return false;
            }
            byNick.remove(MAPPING.fold(c.nick()), c);
            byNick.put(key, c);
            c.nick(nick);
            return true;
        }
    }

    /** Frees {@code c}'s nick (registration refused or abandoned). */
    public void releaseNick(Client c) {
        synchronized (lock) {
            byNick.remove(MAPPING.fold(c.nick()), c);
        }
    }

    /** Joins {@code c} to the room; null if it does not exist and {@code create} is false. */
    public Room join(Client c, String name, boolean create) {
        synchronized (lock) {
            return rooms.join(c, name, create);
        }
    }

    /** Changes a member's operator/voice standing; false if {@code c} is not in {@code room}. */
    public boolean setMembership(Room room, Client c, java.util.function.UnaryOperator<org.chatroom.server.room.Membership> change) {
        synchronized (lock) {
            org.chatroom.server.room.Membership now = room.membership(c);
            return now != null && rooms.setMembership(room, c, change.apply(now));
        }
    }

    /** Applies a mode change to a room atomically with other changes. */
    public void changeModes(Room room, java.util.function.UnaryOperator<org.chatroom.server.room.RoomModes> change) {
        synchronized (lock) {
            room.modes(change.apply(room.modes()));
        }
    }

    /** Removes {@code c} from {@code room}; false if it was not a member. */
    public boolean part(Client c, Room room) {
        synchronized (lock) {
            return rooms.leave(c, room);
        }
    }

    /**
     * Removes {@code c} entirely (quit or disconnect): frees its nick and leaves all rooms.
     * Returns everyone who shared a room with it, who should hear of the quit.
     */
    public Set<Client> remove(Client c) {
        synchronized (lock) {
            Set<Client> peers = new LinkedHashSet<>();
            for (Room r : c.rooms()) {
                peers.addAll(r.members());
            }
            peers.remove(c);
            rooms.leaveAll(c);
            byNick.remove(MAPPING.fold(c.nick()), c);
            return peers;
        }
    }

    /** Everyone who shares at least one room with {@code c}, without {@code c}. */
    public Set<Client> peersOf(Client c) {
        Set<Client> peers = new LinkedHashSet<>();
        for (Room r : new ArrayList<>(c.rooms())) {
            peers.addAll(r.members());
        }
        peers.remove(c);
        return peers;
    }
}
