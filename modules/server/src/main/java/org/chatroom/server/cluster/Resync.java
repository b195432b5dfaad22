package org.chatroom.server.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;

/**
 * Redis answers again after an outage (on the upkeep thread, so it may wait): this node's nick claims,
 * entries, subscriptions and room state are made good in Redis (which may have restarted empty), a room
 * first made here during the outage gives way to the same room elsewhere, what this node's users said
 * meanwhile is published late with its own time and msgid, and what the others said is filled from the
 * history. Any failure throws: the outage then goes on, from the same start, and the next try does all again.
 */
final class Resync {
    private static final Logger LOG = LogManager.getLogger();
    /** A subscription may have died a little before the node noticed: the fill starts this much earlier. */
    static final long FILL_MARGIN_MILLIS = 2000;
    private static final long WAIT = 5;

    private final RedisCluster cluster;
    private final ServerContext ctx;
    private final ChatRegistry registry;
    private final ClusterDirectory directory;
    /** Rooms made here while Redis was away: on the way back, the same room elsewhere wins. */
    private final Set<String> madeWhileDown = ConcurrentHashMap.newKeySet();
    /** How long after an outage what was published late goes again to each node that resynchronises. */
    private final long lateFor;
    private volatile List<UnsentEvents.Unsent> late = List.of();
    private volatile long lateUntilMillis;

    Resync(RedisCluster cluster, ServerContext ctx, ClusterDirectory directory, java.time.Duration lease) {
        this.lateFor = 3 * lease.toMillis();
        this.cluster = cluster;
        this.ctx = ctx;
        this.registry = ctx.registry();
        this.directory = directory;
    }

    void madeWhileDown(Room room) {
        madeWhileDown.add(room.key());
    }

    void run(ClusterUpkeep upkeep, long sinceMillis) throws Exception {
        for (Client c : registry.clients()) { // all of them: a Redis that restarted empty lost every claim
            if (c.ghost() || registry.byNick(c.nick()) != c) {
                continue;
            }
            if (!cluster.presence().reclaim(c).get(WAIT, TimeUnit.SECONDS)) {
                LOG.info("cluster: {} lost its nick to a user of another node (claimed there first)", c.nick());
                c.lostNick();
            }
        }
        cluster.bus().relisten().get(WAIT, TimeUnit.SECONDS);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (Client c : registry.clients()) {
            if (!c.ghost() && c.registered()) {
                cluster.presence().announce(c);
                for (Room r : c.rooms()) {
                    writes.add(directory.putMember(r.key(), RedisCluster.fold(c.nick()), cluster.node(),
                            RedisCluster.standing(r, c)));
                }
            }
        }
        waitAll(writes);
        forgetRoomsLeftMeanwhile();
        settleRooms();
        try { // bans set or lifted on other nodes meanwhile are only in the store
            ctx.admission().reread();
        } catch (RuntimeException e) { // the store away too: they come with the next event or start
            LOG.warn("cluster: cannot read the bans again after the outage: {}", e.toString());
        }
        cluster.bus().toAll(new ClusterEvent("SYNC", cluster.node(), "", sinceMillis, "", "", "", ""))
                .get(WAIT, TimeUnit.SECONDS);
        publishUnsent();
        upkeep.resyncFrom(null);
        // after the re-read of the members (queued before it on the same thread): a quiet sender's JOIN comes first
        upkeep.later(() -> HistoryFill.fill(ctx, cluster.localMembers().keySet(), sinceMillis - FILL_MARGIN_MILLIS,
                cluster.seen(), cluster.unsent()));
    }

    /**
     * Each room of ours in Redis again: one made here during the outage that exists elsewhere too takes
     * that one's state, and the operator status its first joiner got here is taken back (as IRC networks do
     * when a split heals); if no other node lists it yet, that waits until they have all resynchronised
     * ({@link #othersListed}, {@link #allSettled}). Any other room's state is written where Redis lost it.
     */
    private void settleRooms() throws Exception {
        for (String key : cluster.localMembers().keySet()) {
            Room room = registry.rooms().get(key);
            if (room == null) {
                continue;
            }
            if (madeWhileDown.contains(key)) {
                Map<String, String> members = directory.roomMembers(key).get(WAIT, TimeUnit.SECONDS);
                if (members.values().stream().anyMatch(v -> !v.startsWith(cluster.node() + "/"))) {
                    othersListed(room);
                }
            } else if (directory.roomState(key).get(WAIT, TimeUnit.SECONDS).isEmpty()) {
                writeState(room).get(WAIT, TimeUnit.SECONDS);
            }
        }
    }

    /** Our member entries of rooms our users left while Redis was away (its remove failed then) go now. */
    private void forgetRoomsLeftMeanwhile() throws Exception {
        List<CompletableFuture<?>> removals = new ArrayList<>();
        for (String key : directory.roomsOfNode(cluster.node()).get(WAIT, TimeUnit.SECONDS)) {
            Room room = registry.rooms().get(key);
            for (Map.Entry<String, String> m : directory.roomMembers(key).get(WAIT, TimeUnit.SECONDS).entrySet()) {
                if (!m.getValue().startsWith(cluster.node() + "/")) {
                    continue;
                }
                Client c = registry.byNick(m.getKey());
                if (room == null || c == null || c.ghost() || !room.contains(c)) {
                    removals.add(directory.removeMember(key, m.getKey()));
                }
            }
        }
        waitAll(removals);
    }

    /** Members of other nodes were read for {@code room}: if it was made here during the outage, theirs wins. */
    void othersListed(Room room) {
        if (madeWhileDown.remove(room.key())) {
            takeBackSplitOps(room);
        }
    }

    /** Every node has resynchronised: a room made here during the outage that nobody else has is ours alone. */
    void allSettled() {
        for (String key : List.copyOf(madeWhileDown)) {
            madeWhileDown.remove(key);
            Room room = registry.rooms().get(key);
            if (room != null) {
                writeState(room).exceptionally(cluster::failed);
            }
        }
    }

    /** Not on a loop, but may be on a Lettuce thread: nothing here waits. */
    private void takeBackSplitOps(Room room) {
        String server = ctx.config().get(ServerConfigKeys.SERVER_NAME);
        List<Client> deopped = new ArrayList<>();
        List<OutboundLine> lines = new ArrayList<>();
        registry.atomically(() -> {
            for (Client m : room.members()) {
                var standing = room.membership(m);
                if (!m.ghost() && standing != null && standing.op()
                        && (room.owner() == null || !room.owner().equals(m.account()))) {
                    registry.setMembership(room, m, st -> st.withOp(false));
                    OutboundLine line = OutboundLine.of(IrcMessage.from(server, "MODE", room.name(), "-o", m.nick()));
                    room.broadcastInOrder(line, ctx.stats());
                    deopped.add(m);
                    lines.add(line);
                }
            }
        });
        for (int i = 0; i < deopped.size(); i++) {
            Client m = deopped.get(i);
            directory.putMember(room.key(), RedisCluster.fold(m.nick()), cluster.node(),
                    RedisCluster.standing(room, m)).exceptionally(cluster::failed);
            cluster.bus().toRoom(room.key(), cluster.event("MODE", lines.get(i), server, room.name(), "", "-o " + m.nick()))
                    .exceptionally(cluster::failed);
        }
        LOG.info("cluster: {} was made here during the outage and exists on other nodes: its state is theirs, "
                + "{} operator(s) of the split de-opped", room.name(), deopped.size());
    }

    private CompletableFuture<?> writeState(Room room) {
        Map<String, String> state = new java.util.HashMap<>(ClusterRooms.roomState(room));
        var topic = room.topic();
        if (topic.isSet()) {
            state.put("topic", new ClusterEvent("TOPIC", cluster.node(), "", topic.setAtSeconds() * 1000,
                    topic.setBy(), room.name(), topic.setBy(), topic.text()).encode());
        }
        return directory.putState(room.key(), state);
    }

    /** What our users said while Redis was away, now for the others; room state they changed is written too. */
    private void publishUnsent() throws Exception {
        UnsentEvents.Taken taken = cluster.unsent().take();
        List<UnsentEvents.Unsent> left = new ArrayList<>(taken.events());
        try {
            for (UnsentEvents.Unsent u : taken.events()) {
                if (u.room() == null) {
                    cluster.bus().toNode(u.node(), u.event()).get(WAIT, TimeUnit.SECONDS);
                } else {
                    String kind = u.event().kind();
                    Room room = registry.rooms().get(u.room());
                    if (room != null && (kind.equals("TOPIC") || kind.equals("MODE"))) {
                        writeState(room).get(WAIT, TimeUnit.SECONDS);
                    }
                    cluster.bus().toRoom(u.room(), u.event()).get(WAIT, TimeUnit.SECONDS);
                }
                left.remove(0);
            }
        } finally {
            if (!left.isEmpty()) {
                cluster.unsent().putBack(left);
            }
        }
        late = taken.events().stream().filter(u -> u.room() != null).toList();
        lateUntilMillis = System.currentTimeMillis() + lateFor;
        if (!taken.events().isEmpty() || taken.dropped() > 0) {
            LOG.info("cluster: {} events said here during the outage published late ({} older ones only in the history)",
                    taken.events().size(), taken.dropped());
        }
    }

    /**
     * Another node has resynchronised (it listens to its rooms again): what we published late may have
     * reached it before it did, so it goes again for a while after our own outage (it skips what it has).
     */
    void otherResynced() {
        if (System.currentTimeMillis() > lateUntilMillis) {
            return;
        }
        for (UnsentEvents.Unsent u : late) {
            cluster.bus().toRoom(u.room(), u.event()).exceptionally(cluster::failed);
        }
    }

    private static void waitAll(List<CompletableFuture<?>> futures) throws Exception {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(WAIT, TimeUnit.SECONDS);
    }
}
