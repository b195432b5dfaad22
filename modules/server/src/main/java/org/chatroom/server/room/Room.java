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
    private final Map<Client, Boolean> members = new LinkedHashMap<>(); // guarded by the registry lock
    private volatile Group[] groups = new Group[0];
    private volatile List<Client> snapshot = List.of();
    private volatile Topic topic;

    /** Members that share one event loop, and the writer of that loop. */
    private record Group(LoopWriter writer, Client[] members) {
        void deliver(OutboundLine line, Client except, ServerStats stats) {
            int n = 0;
            for (Client c : members) {
                if (c != except) {
                    writer.write(c, line.bufFor(c));
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
    void add(Client c) {
        members.put(c, Boolean.TRUE);
        publish();
    }

    /** Registry lock held. */
    boolean remove(Client c) {
        boolean removed = members.remove(c) != null;
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
