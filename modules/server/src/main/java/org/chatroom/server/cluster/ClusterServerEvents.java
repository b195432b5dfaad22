package org.chatroom.server.cluster;

import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;
import org.chatroom.server.store.BanRow;

/**
 * What the admin console of one node does to the users of every node: server bans (set and lifted,
 * told on the presence channel; each node applies them to its own list and users, the banning node
 * saved them in the shared store) and server notices (admin {@code say}: to everyone on the presence
 * channel, to a room's members on its channel). Events arrive on a Lettuce thread; nothing here blocks.
 *
 * <p>Events: {@code BAN} (prefix: set by, target: mask, tags: expiry in epoch ms, 0 for good, time: set
 * at, params: reason), {@code UNBAN} (target: mask), {@code SAY} (prefix: the server, target: a room or
 * empty for everyone, params: the text).
 */
final class ClusterServerEvents {
    private static final Logger LOG = LogManager.getLogger();

    private final RedisCluster cluster;
    private final ServerContext ctx;

    ClusterServerEvents(RedisCluster cluster, ServerContext ctx) {
        this.cluster = cluster;
        this.ctx = ctx;
    }

    void banSet(BanRow ban) {
        if (cluster.reachable()) {
            publish(new ClusterEvent("BAN", cluster.node(), "", ban.setAtMillis(), ban.setBy(), ban.mask(),
                    Long.toString(ban.expiresAtMillis()), ban.reason()));
        }
    }

    void banLifted(String mask) {
        if (cluster.reachable()) {
            publish(new ClusterEvent("UNBAN", cluster.node(), "", System.currentTimeMillis(), "", mask, "", ""));
        }
    }

    private void publish(ClusterEvent e) {
        cluster.bus().toAll(e).exceptionally(cluster::failed);
    }

    /** Completes with how many other nodes heard it; failed when Redis is away. */
    CompletableFuture<Long> say(String room, String from, String text) {
        if (!cluster.reachable()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Redis is unreachable"));
        }
        ClusterEvent e = new ClusterEvent("SAY", cluster.node(), "", System.currentTimeMillis(), from,
                room == null ? "" : room, "", text);
        if (room == null) {
            return cluster.bus().toAll(e).thenApply(heard -> Math.max(0, heard - 1)); // we hear presence too
        }
        String folded = RedisCluster.fold(room);
        boolean ours = cluster.listens(room);
        return cluster.bus().toRoom(folded, e).thenApply(heard -> Math.max(0, heard - (ours ? 1 : 0)));
    }

    /** A BAN, UNBAN or SAY of another node. */
    void accept(ClusterEvent e) {
        switch (e.kind()) {
            case "BAN" -> ctx.admission().banSetElsewhere(new BanRow(e.target(), e.params(), e.prefix(), e.time(),
                    parseExpiry(e.tags())));
            case "UNBAN" -> ctx.admission().banLiftedElsewhere(e.target());
            case "SAY" -> said(e);
            default -> LOG.debug("cluster: ignored a {} event from {}", e.kind(), e.origin());
        }
    }

    private static long parseExpiry(String tags) {
        try {
            return Long.parseLong(tags);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("a BAN event's expiry is not a number: '" + tags + "'");
        }
    }

    private void said(ClusterEvent e) {
        if (e.target().isEmpty()) {
            int n = 0;
            for (Client c : ctx.registry().clients()) {
                if (!c.ghost() && c.registered()) {
                    c.send(IrcMessage.from(e.prefix(), "NOTICE", c.nick(), e.params()));
                    n++;
                }
            }
            LOG.info("cluster: a server notice from node {} sent to {} users here", e.origin(), n);
            return;
        }
        Room room = ctx.registry().rooms().get(e.target());
        if (room != null) { // ghosts in it write nothing: their own nodes tell them
            room.broadcast(OutboundLine.of(IrcMessage.from(e.prefix(), "NOTICE", room.name(), e.params())), null,
                    ctx.stats());
            LOG.info("cluster: a server notice from node {} sent to {} here", e.origin(), room.name());
        }
    }
}
