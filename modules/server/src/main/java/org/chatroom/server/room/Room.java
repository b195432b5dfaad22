package org.chatroom.server.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chatroom.server.ServerStats;
import org.chatroom.server.net.LoopWriter;
import org.chatroom.server.net.OutboundLine;
import org.chatroom.server.user.Client;

/**
 * A room: its name, topic and members. Membership changes only under the registry's lock; each
 * change publishes a new immutable snapshot of members grouped by event loop, so a message fans
 * out with one task per loop and no lock, whatever the number of members.
 */
public final class Room {
    private final String name;
    private final boolean configured;
    private final long createdAtMillis = System.currentTimeMillis();
    private final Map<Client, Membership> members = new LinkedHashMap<>(); // guarded by the registry lock
    private volatile Group[] groups = new Group[0];
    private volatile List<Client> snapshot = List.of();
    private volatile Map<Client, Membership> standing = Map.of();
    private volatile Topic topic;
    private volatile RoomModes modes = RoomModes.DEFAULT;
    private final List<BanEntry> bans = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Set<Client> invited = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Members that share one event loop, and the writer of that loop. */
    private record Group(LoopWriter writer, Client[] members) {
        void deliver(OutboundLine line, Client except, ServerStats stats) {
            int n = 0;
            for (Client c : members) {
                if (c != except) {
                    writer.append(c, line.variantFor(c));
                    n++;
                }
            }
            stats.messagesOut(n);
        }
    }

    public Room(String name, boolean configured, Topic topic) {
        this.name = name;
        this.configured = configured;
        this.topic = topic;
    }

    public String name() {
        return name;
    }

    /** Configured rooms (the default room) exist with no members and are never removed. */
    public boolean configured() {
        return configured;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public Topic topic() {
        return topic;
    }

    public void topic(Topic newTopic) {
        this.topic = newTopic;
    }

    /** The members at this instant, in join order. */
    public List<Client> members() {
        return snapshot;
    }

    public int size() {
        return snapshot.size();
    }

    public boolean contains(Client c) {
        return c.rooms().contains(this);
    }

    /** Registry lock held. */
    void add(Client c, Membership m) {
        members.put(c, m);
        invited.remove(c);
        publish();
    }

    /** Registry lock held: changes a member's standing; false if {@code c} is not a member. */
    boolean setMembership(Client c, Membership m) {
        if (!members.containsKey(c)) {
            return false;
        }
        members.put(c, m);
        standing = Map.copyOf(members);
        return true;
    }

    /** {@code c}'s standing, or null if not a member. */
    public Membership membership(Client c) {
        return standing.get(c);
    }

    public boolean isOperator(Client c) {
        Membership m = standing.get(c);
        return m != null && m.op();
    }

    public RoomModes modes() {
        return modes;
    }

    /** Only the registry (under its lock) or a room operator's MODE on the member's loop changes modes. */
    public void modes(RoomModes newModes) {
        this.modes = newModes;
    }

    public List<BanEntry> bans() {
        return bans;
    }

    public boolean isBanned(Client c) {
        for (BanEntry b : bans) {
            if (b.mask().matches(c.prefix())) {
                return true;
            }
        }
        return false;
    }

    public java.util.Set<Client> invited() {
        return invited;
    }

    /** Registry lock held. */
    boolean remove(Client c) {
        boolean removed = members.remove(c) != null;
        invited.remove(c);
        if (removed) {
            publish();
        }
        return removed;
    }

    private void publish() {
        Map<LoopWriter, List<Client>> byLoop = new LinkedHashMap<>();
        for (Client c : members.keySet()) {
            byLoop.computeIfAbsent(c.writer(), w -> new ArrayList<>()).add(c);
        }
        Group[] next = new Group[byLoop.size()];
        int i = 0;
        for (Map.Entry<LoopWriter, List<Client>> e : byLoop.entrySet()) {
            next[i++] = new Group(e.getKey(), e.getValue().toArray(new Client[0]));
        }
        snapshot = Collections.unmodifiableList(new ArrayList<>(members.keySet()));
        standing = Map.copyOf(members);
        groups = next;
    }

    /**
     * Delivers {@code line} to every member but {@code except} (null for all). Members on the
     * caller's loop get it now; others get it queued on their loop before this returns, so a
     * sender's next line is always handled after this one is queued to everyone.
     */
    public void broadcast(OutboundLine line, Client except, ServerStats stats) {
        for (Group g : groups) {
            if (g.writer.loop().inEventLoop()) {
                g.deliver(line, except, stats);
            } else {
                line.retain();
                g.writer.loop().execute(() -> {
                    try {
                        g.deliver(line, except, stats);
                    } finally {
                        line.release();
                    }
                });
            }
        }
    }

    /** Helper for callers that hold several rooms: every member of all of them, once each. */
    public static Collection<Client> membersOf(Collection<Room> rooms) {
        java.util.Set<Client> out = new java.util.LinkedHashSet<>();
        for (Room r : rooms) {
            out.addAll(r.members());
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
