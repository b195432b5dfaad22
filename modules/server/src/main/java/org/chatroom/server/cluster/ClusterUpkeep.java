package org.chatroom.server.cluster;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Topic;

/**
 * A node's housekeeping, on its own scheduled thread (never an event loop): renews the lease every
 * third of it, finds expired nodes and, when it wins the reaping lock, removes their users everywhere;
 * notices Redis going away (WARN once) and coming back (INFO), and then resynchronises: re-claims the
 * nicks taken meanwhile, re-announces its users and rooms, re-reads everyone else's, and delivers from
 * the shared history the room messages pub/sub lost meanwhile.
 */
final class ClusterUpkeep implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final RedisCluster cluster;
    private final ServerContext ctx;
    private final ChatRegistry registry;
    private final NodeLease lease;
    private final NickClaims nicks;
    private final ClusterDirectory directory;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-upkeep");
        t.setDaemon(true);
        return t;
    });
    private final Resync resync;
    /** Nodes whose users Redis did not list when we came back (it may have restarted empty): until when we wait. */
    private final Map<String, Long> unsettled = new ConcurrentHashMap<>();
    private volatile boolean up = true;
    /** An outage not made good yet: {@link #downSinceMillis} holds from its first failure until a resync succeeds. */
    private volatile boolean behind;
    private volatile long downSinceMillis;
    private long nextRenewMillis;
    private volatile Map<String, String> nodeStats = Map.of();
    /** While Redis is away, how often to try again (Lettuce's own reconnect is bounded by RedisLink too). */
    private static final long PROBE_MILLIS = 500;

    ClusterUpkeep(RedisCluster cluster, ServerContext ctx, NodeLease lease, NickClaims nicks, ClusterDirectory directory) {
        this.cluster = cluster;
        this.ctx = ctx;
        this.registry = ctx.registry();
        this.lease = lease;
        this.nicks = nicks;
        this.directory = directory;
        this.resync = new Resync(cluster, ctx, directory, lease.duration());
    }

    Resync resync() {
        return resync;
    }

    /** Renews every third of the lease; while Redis is away, tries every {@link #PROBE_MILLIS} and at once when Lettuce reconnects. */
    void start(RedisLink link) {
        long step = Math.min(lease.renewEvery().toMillis(), PROBE_MILLIS);
        nextRenewMillis = System.currentTimeMillis() + lease.renewEvery().toMillis();
        timer.scheduleWithFixedDelay(this::tick, step, step, TimeUnit.MILLISECONDS);
        link.onConnectionChange(() -> {
            if (!cluster.closed()) {
                down(new java.io.IOException("connection to Redis lost"));
            }
        }, () -> {
            if (!cluster.closed() && !up) {
                timer.execute(this::tick);
            }
        });
    }

    boolean up() {
        return up;
    }

    /** A call to Redis failed: serve local users only until the lease renews again. */
    void down(Throwable error) {
        if (!behind) {
            downSinceMillis = System.currentTimeMillis();
            behind = true;
        }
        if (up) {
            up = false;
            LOG.warn("cluster: Redis unreachable, serving local users only ({})", error == null ? "" : error.toString());
        }
    }

    String describe() {
        StringBuilder sb = new StringBuilder(up ? "cluster: ok, " : "cluster: redis down, ");
        return sb.append(nodeStats.size()).append(" nodes").toString();
    }

    /** Each node's figures as it last wrote them (read every lease/3): {@code users=N rooms=N deliveries=N}. */
    Map<String, String> nodeStats() {
        return nodeStats;
    }

    private void tick() {
        long now = System.currentTimeMillis();
        if (up && now < nextRenewMillis) {
            return;
        }
        nextRenewMillis = now + lease.renewEvery().toMillis();
        try {
            lease.renew().get(lease.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
            if (!up) {
                back();
            }
            settle();
            for (String dead : lease.expired().get(5, TimeUnit.SECONDS)) {
                if (lease.claimReaping(dead).get(5, TimeUnit.SECONDS)) {
                    reap(dead);
                }
            }
            directory.putStats(localUsers(), cluster.localMembers().size(), ctx.stats().messagesOut());
            readStats();
        } catch (Exception e) {
            down(e);
        }
    }

    private void reap(String dead) throws Exception {
        LOG.info("cluster: node {} missed its lease; removing its users everywhere", dead);
        long freed = nicks.releaseNode(dead).get(5, TimeUnit.SECONDS); // first: whoever sees the QUIT may take the nick
        directory.forgetNode(dead).get(5, TimeUnit.SECONDS);
        cluster.bus().toAll(new ClusterEvent("GONE", cluster.node(), "", System.currentTimeMillis(), "", dead, "",
                RedisCluster.SPLIT)).get(5, TimeUnit.SECONDS);
        cluster.nodeGone(dead, RedisCluster.SPLIT); // our own GONE does not come back to us
        lease.forget(dead).get(5, TimeUnit.SECONDS);
        LOG.info("cluster: node {} reaped ({} nicks freed)", dead, freed);
    }

    private void readStats() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : new java.util.TreeSet<>(directory.nodes().get(5, TimeUnit.SECONDS))) {
            Map<String, String> s = directory.stats(n).get(5, TimeUnit.SECONDS);
            out.put(n, "users=" + s.getOrDefault("users", "0") + " rooms=" + s.getOrDefault("rooms", "0")
                    + " deliveries=" + s.getOrDefault("deliveries", "0"));
        }
        nodeStats = out;
    }

    private long localUsers() {
        return registry.clients().stream().filter(c -> !c.ghost() && c.registered()).count();
    }

    /** Redis answers again: claims, entries and subscriptions are made good, then what was lost is sent and filled. */
    private void back() throws Exception {
        long since = downSinceMillis;
        LOG.info("cluster: Redis reachable again after {} ms; resynchronising", System.currentTimeMillis() - since);
        up = true;
        markUnsettled();
        resync.run(this, since); // throws if Redis went away again: behind stays, with the same start
        behind = false;
    }

    /**
     * The nodes Redis did not list when we came back: one that has written its figures again has resynced
     * (re-read it); one whose lease is still missing a while later went down during the outage (reaped).
     */
    private void settle() throws Exception {
        if (unsettled.isEmpty() && !behind) {
            resync.allSettled();
        }
        for (Map.Entry<String, Long> e : unsettled.entrySet()) {
            String other = e.getKey();
            if (!directory.stats(other).get(5, TimeUnit.SECONDS).isEmpty()) {
                unsettled.remove(other);
                resyncFrom(other);
            } else if (System.currentTimeMillis() > e.getValue() && !lease.holds(other).get(5, TimeUnit.SECONDS)) {
                unsettled.remove(other);
                if (lease.claimReaping(other).get(5, TimeUnit.SECONDS)) {
                    reap(other);
                } else {
                    cluster.nodeGone(other, RedisCluster.SPLIT);
                }
            }
        }
    }

    /** Runs {@code task} on the upkeep thread after what is queued there already. */
    void later(Runnable task) {
        timer.execute(task);
    }

    /** Re-reads the users of {@code node} (null = every other node) and the members of the rooms listened to. */
    void resyncFrom(String node) {
        timer.execute(() -> {
            try {
                reconcile(node, directory.users().get(5, TimeUnit.SECONDS));
                for (String room : cluster.localMembers().keySet()) {
                    Room r = registry.rooms().get(room);
                    if (r != null) {
                        loadRoom(r.name(), directory.roomMembers(room).get(5, TimeUnit.SECONDS),
                                directory.roomState(room).get(5, TimeUnit.SECONDS), true);
                    }
                }
            } catch (Exception e) {
                down(e);
            }
        });
    }

    /** Nodes we have ghosts of that have not written their figures since Redis came back: wait for them. */
    private void markUnsettled() throws Exception {
        Set<String> nodes = new HashSet<>();
        for (Client g : registry.clients()) {
            if (g.ghost()) {
                nodes.add(g.node());
            }
        }
        long deadline = System.currentTimeMillis() + 2 * lease.duration().toMillis();
        for (String other : nodes) {
            if (directory.stats(other).get(5, TimeUnit.SECONDS).isEmpty()) {
                unsettled.putIfAbsent(other, deadline);
            }
        }
    }

    /**
     * Makes the ghosts here agree with {@code users} (the directory's entries): missing ones made, ones
     * no longer listed quit. {@code node} null = every other node.
     */
    void reconcile(String node, Map<String, String> users) {
        Set<String> listed = new HashSet<>();
        for (String wire : users.values()) {
            ClusterEvent user = ClusterEvent.decode(wire);
            if (user.origin().equals(cluster.node()) || (node != null && !node.equals(user.origin()))) {
                continue;
            }
            listed.add(RedisCluster.fold(ClusterReceiver.nickOf(user.prefix())));
            cluster.receiver().user(user);
        }
        for (Client g : registry.clients()) {
            if (g.ghost() && (node == null || node.equals(g.node())) && !unsettled.containsKey(g.node())
                    && !listed.contains(RedisCluster.fold(g.nick()))) {
                OutboundLine quit = OutboundLine.of(IrcMessage.from(g.prefix(), "QUIT", RedisCluster.SPLIT));
                for (Client peer : registry.remove(g)) {
                    peer.send(quit);
                }
            }
        }
    }

    /**
     * Puts the remote members of room {@code name} and its topic, modes and lists as the directory has
     * them; {@code tell}: local members see JOIN and PART for the members who came or went meanwhile.
     */
    void loadRoom(String name, Map<String, String> members, Map<String, String> state, boolean tell) {
        Set<Client> listed = new HashSet<>();
        registry.atomically(() -> {
            for (Map.Entry<String, String> m : members.entrySet()) {
                int slash = m.getValue().indexOf('/');
                String owner = slash < 0 ? m.getValue() : m.getValue().substring(0, slash);
                Client g = registry.byNick(m.getKey());
                if (owner.equals(cluster.node()) || g == null || !g.ghost() || !owner.equals(g.node())) {
                    continue;
                }
                listed.add(g);
                QuietGhosts.load(ctx, g, name, m.getValue().substring(slash + 1), tell); // quiet ones stay quiet
            }
            Room room = registry.rooms().get(name);
            if (room == null) {
                return;
            }
            if (tell) {
                for (Client m : room.members()) {
                    if (m.ghost() && !listed.contains(m) && !unsettled.containsKey(m.node())) {
                        OutboundLine part = OutboundLine.of(IrcMessage.from(m.prefix(), "PART", room.name()));
                        QuietGhosts.leaving(ctx, room, m, part); // a quiet one's to the operators only
                        registry.part(m, room);
                    }
                }
            }
            String topic = state.get("topic");
            if (topic != null) {
                ClusterEvent t = ClusterEvent.decode(topic);
                room.topic(new Topic(t.params(), t.tags(), t.time() / 1000));
            }
            if (state.containsKey("modes")) {
                RemoteModes.restore(registry, room, state.get("modes"), state.get("bans"), state.get("excepts"),
                        state.get("invex"));
            }
        });
        Room room = registry.rooms().get(name);
        if (room != null && !listed.isEmpty()) {
            resync.othersListed(room);
        }
    }

    @Override
    public void close() {
        up = false; // quietly: the node is leaving, not losing Redis
        timer.shutdownNow();
    }
}
