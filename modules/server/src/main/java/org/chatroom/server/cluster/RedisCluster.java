package org.chatroom.server.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.context.Cluster;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Membership;
import org.chatroom.server.state.Room;

/**
 * The {@link Cluster} port over Redis: what a command changed here is written to the directory and
 * published once (a room's channel, the presence channel or a node's inbox), without waiting for the
 * answer; nick claims are the one thing a command waits for. Events of the other nodes are applied by
 * {@link ClusterReceiver}; leases, dead nodes and Redis outages are {@link ClusterUpkeep}'s.
 */
public final class RedisCluster implements Cluster, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    /** The QUIT reason users of a lost node leave with (what IRC networks show for a netsplit). */
    static final String SPLIT = "*.net *.split";
    private static final long WAIT_MILLIS = 2000;

    private final ServerContext ctx;
    private final ChatRegistry registry;
    private final String node;
    private final RedisLink link;
    private final NickClaims nicks;
    private final NodeLease lease;
    private final ClusterDirectory directory;
    private final ClusterReceiver receiver;
    private final ClusterUpkeep upkeep;
    private final Map<String, AtomicInteger> localMembers = new ConcurrentHashMap<>();
    private final SeenMessages seen = new SeenMessages();
    private final UnsentEvents unsent = new UnsentEvents();
    private final ClusterRooms rooms;
    private final ClusterPresence presence;
    private final ClusterServerEvents serverEvents;
    private RoomBus bus;

    private RedisCluster(ServerContext ctx, RedisLink link, NodeLease lease) {
        this.ctx = ctx;
        this.registry = ctx.registry();
        this.node = lease.node();
        this.link = link;
        this.nicks = new NickClaims(link, node);
        this.lease = lease;
        this.directory = new ClusterDirectory(link, node, registry);
        this.receiver = new ClusterReceiver(this, ctx);
        this.upkeep = new ClusterUpkeep(this, ctx, lease, nicks, directory);
        this.rooms = new ClusterRooms(this, ctx, directory, upkeep);
        this.presence = new ClusterPresence(this, nicks, directory, upkeep);
        this.serverEvents = new ClusterServerEvents(this, ctx);
    }

    /**
     * Connects, clears what an earlier run under this node id left, announces this node and reads who is
     * online elsewhere; blocks, so for start-up only. Fails with Lettuce's RedisException when Redis does
     * not answer, and with {@link NodeIdInUseException} when a running daemon has this node id (then
     * nothing of that daemon's is touched; a stale lease of this node's own last run is waited out).
     * {@code loops}: the daemon's event loops for the Redis subscriptions, or null for Lettuce's own threads.
     */
    public static RedisCluster start(ServerContext ctx, String uri, String node, Duration leaseTime, SharedLoops loops) {
        RedisLink link = RedisLink.connect(uri, Duration.ofSeconds(5), loops);
        NodeLease lease = new NodeLease(link, node, leaseTime);
        try {
            lease.acquire().join();
        } catch (java.util.concurrent.CompletionException e) {
            link.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        RedisCluster cluster = new RedisCluster(ctx, link, lease);
        try {
            cluster.begin();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info("cluster: node {} joined through {} (lease {} ms)", node, withoutPassword(uri), leaseTime.toMillis());
        return cluster;
    }

    private void begin() {
        nicks.releaseNode(node).join(); // a crash of this node's last run left its claims and entries
        directory.forgetNode(node).join();
        bus = new RoomBus(link, node, receiver::accept);
        bus.listenPresence().join();
        bus.toAll(new ClusterEvent("GONE", node, "", System.currentTimeMillis(), "", node, "", SPLIT)).join();
        lease.renew().join();
        bus.toAll(new ClusterEvent("HELLO", node, "", System.currentTimeMillis(), "", node, "", "")).join();
        upkeep.reconcile(null, directory.users().join());
        upkeep.start(link);
    }

    String node() {
        return node;
    }

    RoomBus bus() {
        return bus;
    }

    ClusterReceiver receiver() {
        return receiver;
    }

    Map<String, AtomicInteger> localMembers() {
        return localMembers;
    }

    /** The msgids of the messages delivered here lately (see {@link SeenMessages}). */
    SeenMessages seen() {
        return seen;
    }

    /** What our users said while Redis was away (see {@link UnsentEvents}). */
    UnsentEvents unsent() {
        return unsent;
    }

    /** A room made here while Redis was away (see {@link Resync}). */
    void madeWhileDown(Room room) {
        upkeep.resync().madeWhileDown(room);
    }

    @Override
    public boolean on() {
        return true;
    }

    @Override
    public boolean reachable() {
        return upkeep.up();
    }

    @Override
    public String describe() {
        return upkeep.describe();
    }

    @Override
    public Map<String, String> nodeStats() {
        return upkeep.nodeStats();
    }

    @Override
    public String nodeOf(Client c) {
        return c.ghost() ? c.node() : node;
    }

    // ---- nicks and presence (ClusterPresence) -------------------------------------------------------

    @Override
    public CompletableFuture<Boolean> claimNick(Client c, String nick) {
        return presence.claimNick(c, nick);
    }

    @Override
    public void releaseNick(Client c, String nick) {
        presence.releaseNick(c, nick);
    }

    @Override
    public void registered(Client c) {
        presence.announce(c);
    }

    @Override
    public void userChanged(Client c) {
        presence.announce(c);
    }

    @Override
    public void nickChanged(Client c, String oldNick, OutboundLine line) {
        presence.nickChanged(c, oldNick, line);
    }

    @Override
    public void quit(Client c, Collection<Room> left, OutboundLine line) {
        for (Room r : left) {
            rooms.left(c, r);
        }
        presence.quit(c, line);
    }

    ClusterPresence presence() {
        return presence;
    }

    @Override
    public void invited(Room room, Client target, OutboundLine line) {
        if (upkeep.up()) {
            bus.toNode(target.node(), event("INVITE", line, IrcMessage.parse(line.body()).source(), target.nick(), "",
                    room.name())).exceptionally(this::failed);
        }
    }

    /** A user of ours was invited to {@code roomName} on another node: past +i here too, now or once the room is read. */
    void invitedHere(Client c, String roomName) {
        rooms.invitedHere(c, roomName);
    }

    // ---- rooms (ClusterRooms) ----------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> beforeJoin(Collection<String> names) {
        return rooms.beforeJoin(names);
    }

    @Override
    public void afterJoin(Collection<String> names) {
        rooms.afterJoin(names);
    }

    @Override
    public void joined(Client c, Room room, OutboundLine line) {
        rooms.joined(c, room, line);
    }

    @Override
    public void announced(Room room, Client c) {
        rooms.announced(room, c);
    }

    @Override
    public void parted(Client c, Room room, OutboundLine line) {
        rooms.parted(c, room, line);
    }

    @Override
    public void kicked(Room room, Client target, OutboundLine line) {
        rooms.kicked(room, target, line);
    }

    /** A user of ours left {@code room} (PART, KICK from here or elsewhere, QUIT). */
    void localLeft(Client c, Room room) {
        rooms.left(c, room);
    }

    boolean listens(String roomName) {
        return bus.listensTo(fold(roomName));
    }

    @Override
    public void roomMessage(Client from, Room room, String command, String text, OutboundLine line) {
        rooms.message(from, room, command, text, line);
    }

    @Override
    public void privateMessage(Client from, Client to, String command, String text, OutboundLine line) {
        String tags = line.clientTags();
        ClusterEvent e = event(command, line, from.prefix(), to.nick(), tags == null ? "" : tags, text);
        if (!upkeep.up()) {
            unsent.toNode(to.node(), e);
            return;
        }
        bus.toNode(to.node(), e).exceptionally(error -> {
            unsent.toNode(to.node(), e);
            return failed(error);
        });
    }

    @Override
    public void topic(Room room, OutboundLine line) {
        rooms.topic(room, line);
    }

    @Override
    public void modes(Room room, String change, OutboundLine line) {
        rooms.modes(room, change, line);
    }

    /** An admin or operator here ends the session of {@code ghost}: its node does it. */
    void killRemote(Client ghost, String by, String reason, boolean kick) {
        if (upkeep.up()) {
            bus.toNode(ghost.node(), new ClusterEvent("KILL", node, kick ? "kick" : "kill", System.currentTimeMillis(),
                    by, ghost.nick(), "", reason)).exceptionally(this::failed);
        }
    }

    // ---- the admin console's bans and notices (ClusterServerEvents), WHOIS (WhoisRooms) ----------------

    @Override
    public void serverBanSet(org.chatroom.server.store.BanRow ban) {
        serverEvents.banSet(ban);
    }

    @Override
    public void serverBanLifted(String mask) {
        serverEvents.banLifted(mask);
    }

    @Override
    public CompletableFuture<Long> serverNotice(String room, String from, String text) {
        return serverEvents.say(room, from, text);
    }

    ClusterServerEvents serverEvents() {
        return serverEvents;
    }

    @Override
    public CompletableFuture<java.util.List<String>> roomsElsewhere(Client ghost, boolean secretToo) {
        return WhoisRooms.of(directory, ghost, secretToo, upkeep.up(), bus::listensTo);
    }

    // ---- ghosts and nodes -------------------------------------------------------------------------

    Client newGhost(String ofNode, String host) {
        Client g = Client.ghost(GhostOutbound.INSTANCE, ctx.stats(), ofNode, host);
        g.control(new GhostControl(this, g));
        return g;
    }

    /** Node {@code dead} is gone: its users quit here, in a netsplit batch for clients that take batches. */
    void nodeGone(String dead, String reason) {
        Netsplit.tell(ctx, dead, reason == null || reason.isEmpty() ? SPLIT : reason);
    }

    /** Node {@code other} came back from an outage: re-read its users and its room members. */
    void resyncFrom(String other) {
        upkeep.resyncFrom(other);
        upkeep.resync().otherResynced();
    }

    /** For {@code exceptionally}: a failed call means Redis is away (the upkeep notices it coming back). */
    <T> T failed(Throwable error) {
        upkeep.down(error);
        return null;
    }

    ClusterEvent event(String kind, OutboundLine line, String prefix, String target, String tags, String params) {
        return new ClusterEvent(kind, node, line.msgid(), line.timeMillis(), prefix, target, tags,
                params == null ? "" : params);
    }

    static String fold(String name) {
        return ChatRegistry.MAPPING.fold(name);
    }

    static String standing(Membership m) {
        return m == null ? "" : (m.op() ? "o" : "") + (m.voice() ? "v" : "");
    }

    /**
     * {@code c}'s standing in {@code room} as published and kept in the directory: {@code o}, {@code v},
     * and {@link QuietGhosts#QUIET} while it is quiet there (older nodes read o and v only).
     */
    static String standing(Room room, Client c) {
        return standing(room.membership(c)) + (room.quiet(c) ? QuietGhosts.QUIET : "");
    }

    static Membership standing(String s) {
        return new Membership(s.contains("o"), s.contains("v"));
    }

    /** {@code uri} with any password masked, for logs and errors. */
    public static String withoutPassword(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }

    /** Clean shutdown: this node's users leave every other node at once, its entries and claims are freed. */
    /** For tests: stops at once, as a killed process would, saying nothing and cleaning nothing. */
    void crash() {
        closed = true;
        upkeep.close();
        if (bus != null) {
            bus.close();
        }
        link.close();
    }

    private volatile boolean closed;

    /** True once closed (or crashed): the Redis client is gone, nothing may be sent. */
    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean wasUp = upkeep.up();
        upkeep.close(); // nothing is published after this
        if (bus != null && wasUp) {
            try { // nicks freed before the others hear: a user who sees the QUIT may take the nick at once
                nicks.releaseNode(node).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                directory.forgetNode(node).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                lease.resign().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                bus.toAll(new ClusterEvent("GONE", node, "", System.currentTimeMillis(), "", node, "", SPLIT))
                        .get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                LOG.info("cluster: node {} left the cluster", node);
            } catch (Exception e) {
                LOG.warn("cluster: could not say goodbye to the other nodes ({}); they will find the lease expired", e.toString());
            }
        }
        if (bus != null) {
            bus.close();
        }
        link.close();
    }
}
