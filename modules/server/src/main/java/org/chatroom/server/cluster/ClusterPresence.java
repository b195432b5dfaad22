package org.chatroom.server.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;

/**
 * The user half of {@link RedisCluster}: nick claims (a claim is this node's id and the client's serial,
 * so a release never frees a nick someone else took meanwhile) and each local user's entry in the
 * directory, told to every node on the presence channel.
 */
final class ClusterPresence {
    private static final long WAIT_MILLIS = 2000;

    private final RedisCluster cluster;
    private final NickClaims nicks;
    private final ClusterDirectory directory;
    private final ClusterUpkeep upkeep;

    ClusterPresence(RedisCluster cluster, NickClaims nicks, ClusterDirectory directory, ClusterUpkeep upkeep) {
        this.cluster = cluster;
        this.nicks = nicks;
        this.directory = directory;
        this.upkeep = upkeep;
    }

    CompletableFuture<Boolean> claimNick(Client c, String nick) {
        if (!upkeep.up()) {
            return CompletableFuture.completedFuture(true); // every nick is re-claimed when Redis is back
        }
        return nicks.claim(RedisCluster.fold(nick), owner(c)).orTimeout(WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .handle((ok, error) -> {
                    if (error != null) {
                        upkeep.down(error);
                        return true;
                    }
                    return ok;
                });
    }

    void releaseNick(Client c, String nick) {
        if (upkeep.up()) {
            nicks.release(RedisCluster.fold(nick), owner(c)).exceptionally(cluster::failed);
        }
    }

    CompletableFuture<Boolean> reclaim(Client c) {
        return nicks.claim(RedisCluster.fold(c.nick()), owner(c));
    }

    private static String owner(Client c) {
        return Long.toString(c.serial(), 36);
    }

    /** Writes {@code c}'s entry and tells every node (registration, AWAY, user modes, a resync). */
    void announce(Client c) {
        if (!upkeep.up()) {
            return;
        }
        ClusterEvent user = userEvent(c);
        directory.putUser(RedisCluster.fold(c.nick()), user).exceptionally(cluster::failed);
        cluster.bus().toAll(user).exceptionally(cluster::failed);
    }

    private ClusterEvent userEvent(Client c) {
        String flags = (c.bot() ? "B" : "") + (c.invisible() ? "i" : "") + (c.serverOperator() ? "o" : "");
        return new ClusterEvent("USER", cluster.node(), flags, c.connectedAtMillis(), c.prefix(),
                c.account() == null ? "" : c.account(), c.away() == null ? "" : c.away(), c.realName());
    }

    void nickChanged(Client c, String oldNick, OutboundLine line) {
        if (!upkeep.up()) {
            return;
        }
        String oldFolded = RedisCluster.fold(oldNick);
        String newFolded = RedisCluster.fold(c.nick());
        nicks.claim(newFolded, owner(c)).exceptionally(cluster::failed); // held already after a NICK; a guest rename claims here
        if (!oldFolded.equals(newFolded)) {
            nicks.release(oldFolded, owner(c)).exceptionally(cluster::failed);
            directory.removeUser(oldFolded).exceptionally(cluster::failed);
        }
        directory.putUser(newFolded, userEvent(c)).exceptionally(cluster::failed);
        for (Room r : c.rooms()) {
            // the new entry first: a room whose last entry goes loses its state
            directory.putMember(r.key(), newFolded, cluster.node(), RedisCluster.standing(r, c))
                    .exceptionally(cluster::failed);
            if (!oldFolded.equals(newFolded)) {
                directory.removeMember(r.key(), oldFolded).exceptionally(cluster::failed);
            }
        }
        String oldPrefix = IrcMessage.parse(line.body()).source();
        cluster.bus().toAll(cluster.event("NICK", line, oldPrefix, "", "", c.nick())).exceptionally(cluster::failed);
    }

    /** {@code c} quit (its rooms are left already): its entry and claim go, every node is told. */
    void quit(Client c, OutboundLine line) {
        if (!upkeep.up()) {
            return;
        }
        String folded = RedisCluster.fold(c.nick());
        directory.removeUser(folded).exceptionally(cluster::failed);
        nicks.release(folded, owner(c)).exceptionally(cluster::failed);
        String reason = IrcMessage.parse(line.body()).last();
        cluster.bus().toAll(cluster.event("QUIT", line, c.prefix(), "", "", reason == null ? "" : reason))
                .exceptionally(cluster::failed);
    }
}
