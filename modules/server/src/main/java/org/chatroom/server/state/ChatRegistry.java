package org.chatroom.server.state;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.chatroom.protocol.CaseMapping;

/**
 * The shared state of the daemon: who is online under which nick, who is in which room, and each
 * room's modes, topic and bans.
 *
 * <p><b>The rule:</b> every change of this state, and every decision that leads to one (may this
 * user join, is this mask banned already, who holds this nick), is made while holding this
 * registry's one lock — {@link #atomically} for callers that decide several things at once. Changes
 * are rare next to messages and one lock makes nick changes, joins, mode changes and quits atomic
 * with respect to each other. Every read is lock-free (concurrent maps, volatile fields). Delivery
 * takes no lock at all (see {@link Room}). Nothing done under the lock blocks: no I/O, no hashing.
 */
public final class ChatRegistry {
    public static final CaseMapping MAPPING = CaseMapping.RFC1459;

    private final Object lock = new Object();
    private final Map<String, Client> byNick = new ConcurrentHashMap<>();
    private final RoomRegistry rooms = new RoomRegistry(MAPPING, lock);
    private final MonitorRegistry monitors = new MonitorRegistry(MAPPING, lock);
    private final WhowasHistory whowas = new WhowasHistory(MAPPING);

    public RoomRegistry rooms() {
        return rooms;
    }

    /** MONITOR lists; they share this registry's lock. */
    public MonitorRegistry monitors() {
        return monitors;
    }

    /** Who recently quit or changed nick, for WHOWAS. */
    public WhowasHistory whowas() {
        return whowas;
    }

    public Client byNick(String nick) {
        return byNick.get(MAPPING.fold(nick));
    }

    /** Users holding a nick (registered, or registering with a nick claimed). */
    public Collection<Client> clients() {
        return List.copyOf(byNick.values());
    }

    public int clientCount() {
        return byNick.size();
    }

    /** Runs {@code decision} under the lock: checks and the changes they lead to happen as one step. */
    public void atomically(Runnable decision) {
        synchronized (lock) {
            decision.run();
        }
    }

    /** Like {@link #atomically(Runnable)} with a result. */
    public <T> T atomically(Supplier<T> decision) {
        synchronized (lock) {
            return decision.get();
        }
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
            if (c.registered()) {
                whowas.record(c); // the nick it leaves
            }
            byNick.remove(MAPPING.fold(c.nick()), c);
            byNick.put(key, c);
            c.nick(nick);
            return true;
        }
    }

    /**
     * Shows a ghost (a user of another node) under {@code nick}; false if a user here holds the nick
     * (the cluster's nick claims keep that from happening while Redis is up). Lock held by the caller or taken here.
     */
    public boolean putGhost(Client ghost, String nick, String user, String host, String realName) {
        String key = MAPPING.fold(nick);
        synchronized (lock) {
            Client holder = byNick.get(key);
            if (holder != null && holder != ghost) {
                if (!holder.ghost()) {
                    return false;
                }
                remove(holder); // a ghost left behind (its quit lost while Redis was away): the new one wins
            }
            byNick.remove(MAPPING.fold(ghost.nick()), ghost);
            byNick.put(key, ghost);
            ghost.nick(nick);
            ghost.ghostIdentity(user, host, realName);
            return true;
        }
    }

    /** Puts a ghost in room {@code name} (made if missing) with {@code standing}; the room. */
    public Room joinGhost(Client ghost, String name, Membership standing) {
        synchronized (lock) {
            return rooms.addGhost(ghost, name, standing);
        }
    }

    /** A new user name and host for {@code c} (CHGHOST), atomically with joins and ban decisions. */
    public void changeHost(Client c, String user, String host) {
        synchronized (lock) {
            c.userAndHost(user, host);
        }
    }

    /** Frees {@code c}'s nick (registration refused or abandoned). */
    public void releaseNick(Client c) {
        synchronized (lock) {
            byNick.remove(MAPPING.fold(c.nick()), c);
        }
    }

    /**
     * Joins {@code c} to room {@code name} if +b, +i, +k and +l allow it — checked and joined in one
     * step, so two racing joins can never overfill +l. A missing room is made when {@code create}.
     */
    public JoinResult join(Client c, String name, String key, boolean create) {
        synchronized (lock) {
            return rooms.join(c, name, key, create);
        }
    }

    /** Changes a member's operator/voice standing; false if {@code c} is not in {@code room}. */
    public boolean setMembership(Room room, Client c, UnaryOperator<Membership> change) {
        synchronized (lock) {
            Membership now = room.membership(c);
            return now != null && room.setMembership(c, change.apply(now));
        }
    }

    /** Applies a mode change to a room atomically with other changes. */
    public void changeModes(Room room, UnaryOperator<RoomModes> change) {
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
            Set<Client> peers = peersOf(c);
            rooms.leaveAll(c);
            if (byNick.remove(MAPPING.fold(c.nick()), c) && c.registered()) {
                whowas.record(c);
            }
            monitors.clear(c);
            return peers;
        }
    }

    /** Everyone who shares at least one room with {@code c}, without {@code c}. */
    public Set<Client> peersOf(Client c) {
        Set<Client> peers = new LinkedHashSet<>();
        for (Room r : c.rooms()) {
            peers.addAll(r.members());
        }
        peers.remove(c);
        return peers;
    }
}
