package org.chatroom.server.cluster;

import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.command.MonitorCommands;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Topic;

/**
 * Applies what other nodes publish. Runs on a Lettuce thread (or, with {@code cluster.redis.shared.loops},
 * a daemon loop), never inside a lane's task, and never waits: changes of state are made
 * under the registry lock, and lines reach local members through {@link Room#broadcast} and
 * {@link Client#send}, which queue onto their lanes (one task per lane per message; ghosts get none).
 * Each event is turned into one {@link OutboundLine}, shared by every local recipient.
 */
final class ClusterReceiver {
    private static final Logger LOG = LogManager.getLogger();

    private final RedisCluster cluster;
    private final ServerContext ctx;
    private final ChatRegistry registry;

    ClusterReceiver(RedisCluster cluster, ServerContext ctx) {
        this.cluster = cluster;
        this.ctx = ctx;
        this.registry = ctx.registry();
    }

    void accept(ClusterEvent e) {
        try {
            switch (e.kind()) {
                case "USER" -> user(e);
                case "NICK" -> nick(e);
                case "QUIT" -> quit(e);
                case "HELLO" -> LOG.info("cluster: node {} joined", e.origin());
                case "GONE" -> { // a node leaving, reaped, or starting again after a crash
                    LOG.info("cluster: node {} is gone (said by {})", e.target(), e.origin());
                    cluster.nodeGone(e.target(), e.params());
                }
                case "SYNC" -> cluster.resyncFrom(e.origin());
                case "JOIN" -> join(e);
                case "PART" -> part(e);
                case "KICK" -> kick(e);
                case "PRIVMSG", "NOTICE", "TAGMSG" -> message(e);
                case "TOPIC" -> topic(e);
                case "MODE" -> mode(e);
                case "KILL" -> kill(e);
                case "INVITE" -> invite(e);
                case "BAN", "UNBAN", "SAY" -> cluster.serverEvents().accept(e);
                default -> LOG.debug("cluster: ignored a {} event from {}", e.kind(), e.origin());
            }
        } catch (RuntimeException ex) { // one bad event must not stop the subscription
            LOG.error("cluster: cannot apply a {} event from {}", e.kind(), e.origin(), ex);
        }
    }

    /** A user of another node came, or changed (away, account): its ghost here is made or updated. */
    void user(ClusterEvent e) {
        String nick = nickOf(e.prefix());
        Client ghost = registry.byNick(nick);
        if (ghost != null && !ghost.ghost()) {
            LOG.warn("cluster: {} of node {} has the nick of a user here; not shown", nick, e.origin());
            return;
        }
        boolean fresh = ghost == null || !e.origin().equals(ghost.node());
        if (fresh) {
            ghost = cluster.newGhost(e.origin(), hostOf(e.prefix()));
        }
        String oldAway = ghost.away();
        String away = e.tags().isEmpty() ? null : e.tags();
        ghost.account(e.target().isEmpty() ? null : e.target());
        ghost.away(away);
        ghost.realName(e.params());
        ghost.bot(e.msgid().contains("B"));
        ghost.invisible(e.msgid().contains("i"));
        ghost.serverOperator(e.msgid().contains("o"));
        Client g = ghost;
        boolean shown = registry.putGhost(g, nick, userOf(e.prefix()), hostOf(e.prefix()), e.params());
        if (!shown) {
            return;
        }
        if (fresh) {
            MonitorCommands.cameOnline(ctx, g);
        } else if (!java.util.Objects.equals(oldAway, away)) {
            OutboundLine line = OutboundLine.of(away == null ? IrcMessage.from(g.prefix(), "AWAY")
                    : IrcMessage.from(g.prefix(), "AWAY", away));
            for (Client peer : registry.audienceOf(g)) { // a quiet member's AWAY: to the operators only
                if (peer.has(Cap.AWAY_NOTIFY)) {
                    peer.send(line);
                }
            }
        }
    }

    private void nick(ClusterEvent e) {
        Client ghost = ghostOf(e.origin(), nickOf(e.prefix()));
        if (ghost == null) {
            return;
        }
        String oldNick = ghost.nick();
        if (!registry.claimNick(ghost, e.params())) {
            LOG.warn("cluster: {} of node {} took a nick a user here holds", oldNick, e.origin());
            return;
        }
        OutboundLine line = OutboundLine.replay(IrcMessage.from(e.prefix(), "NICK", e.params()).toLine(), e.time(),
                e.msgid(), null);
        for (Client peer : registry.audienceOf(ghost)) { // where it is quiet, the operators only
            peer.send(line);
        }
        if (!ChatRegistry.MAPPING.equals(oldNick, e.params())) {
            MonitorCommands.wentOffline(ctx, oldNick);
            MonitorCommands.cameOnline(ctx, ghost);
        }
    }

    private void quit(ClusterEvent e) {
        Client ghost = ghostOf(e.origin(), nickOf(e.prefix()));
        if (ghost == null) {
            return;
        }
        OutboundLine line = OutboundLine.replay(IrcMessage.from(ghost.prefix(), "QUIT", e.params()).toLine(), e.time(),
                e.msgid(), null);
        for (Client peer : registry.remove(ghost)) {
            peer.send(line);
        }
        MonitorCommands.wentOffline(ctx, ghost.nick());
    }

    private void join(ClusterEvent e) {
        Client ghost = ghostOf(e.origin(), nickOf(e.prefix()));
        if (ghost == null || !cluster.listens(e.target())) {
            return;
        }
        // quiet if its node decided so (a mark in the standing): then told to the operators here only
        QuietGhosts.Joined joined = QuietGhosts.join(registry, ghost, e.target(), e.params());
        Room room = joined.room();
        String account = ghost.account();
        QuietGhosts.tell(ctx, joined, ghost, () -> OutboundLine.replay(
                        IrcMessage.from(ghost.prefix(), "JOIN", room.name()).toLine(), e.time(), e.msgid(), null)
                .or(Cap.EXTENDED_JOIN, IrcMessage.from(ghost.prefix(), "JOIN", room.name(),
                        account == null ? "*" : account, ghost.realName())));
        if (joined.tell() == QuietGhosts.Tell.EVERYONE && ghost.away() != null) {
            OutboundLine away = OutboundLine.of(IrcMessage.from(ghost.prefix(), "AWAY", ghost.away()));
            for (Client member : room.members()) {
                if (member.has(Cap.AWAY_NOTIFY)) {
                    member.send(away);
                }
            }
        }
    }

    private void part(ClusterEvent e) {
        Client ghost = ghostOf(e.origin(), nickOf(e.prefix()));
        Room room = registry.rooms().get(e.target());
        if (ghost == null || room == null || !room.contains(ghost)) {
            return;
        }
        IrcMessage part = e.params().isEmpty() ? IrcMessage.from(ghost.prefix(), "PART", room.name())
                : IrcMessage.from(ghost.prefix(), "PART", room.name(), e.params());
        QuietGhosts.leaving(ctx, room, ghost, OutboundLine.replay(part.toLine(), e.time(), e.msgid(), null));
        registry.part(ghost, room);
    }

    /** A KICK decided on another node: its victim may be ours (then we remove it and say so in Redis). */
    private void kick(ClusterEvent e) {
        Room room = registry.rooms().get(e.target());
        Client victim = registry.byNick(e.tags());
        if (room == null || victim == null || !room.contains(victim)) {
            return;
        }
        OutboundLine line = OutboundLine.replay(IrcMessage.from(e.prefix(), "KICK", room.name(), victim.nick(),
                e.params()).toLine(), e.time(), e.msgid(), null);
        QuietGhosts.leaving(ctx, room, victim, line);
        registry.part(victim, room);
        if (!victim.ghost()) {
            cluster.localLeft(victim, room);
        }
    }

    private void message(ClusterEvent e) {
        if (!cluster.seen().add(e.msgid())) {
            return; // published late after an outage, and filled here from the history already
        }
        Client from = registry.byNick(nickOf(e.prefix()));
        String account = from != null && from.ghost() ? from.account() : null;
        boolean tagmsg = e.kind().equals("TAGMSG");
        IrcMessage m = tagmsg ? IrcMessage.from(e.prefix(), "TAGMSG", e.target())
                : IrcMessage.from(e.prefix(), e.kind(), e.target(), e.params());
        OutboundLine line = OutboundLine.replay(m.toLine(), e.time(), e.msgid(), e.tags().isEmpty() ? null : e.tags())
                .withAccount(account);
        Room room = e.target().isEmpty() ? null : registry.rooms().get(e.target());
        if (room != null && (e.target().charAt(0) == '#' || e.target().charAt(0) == '&')) {
            QuietGhosts.beforeMessage(ctx, room, from); // a quiet sender's JOIN first, as on its node
            if (!tagmsg) {
                room.broadcast(line, null, ctx.stats());
                return;
            }
            for (Client member : room.members()) {
                if (member.has(Cap.MESSAGE_TAGS)) {
                    member.send(line);
                }
            }
            return;
        }
        Client to = registry.byNick(e.target()); // a private message to a user of ours
        if (to != null && !to.ghost() && (!tagmsg || to.has(Cap.MESSAGE_TAGS))) {
            to.send(line);
        }
    }

    private void topic(ClusterEvent e) {
        Room room = registry.rooms().get(e.target());
        if (room == null) {
            return;
        }
        OutboundLine line = OutboundLine.replay(IrcMessage.from(e.prefix(), "TOPIC", room.name(), e.params()).toLine(),
                e.time(), e.msgid(), null);
        registry.atomically(() -> { // set and told in one step, as a local TOPIC is
            room.topic(new Topic(e.params(), e.tags().isEmpty() ? nickOf(e.prefix()) : e.tags(), e.time() / 1000));
            room.broadcastInOrder(line, ctx.stats());
        });
    }

    private void mode(ClusterEvent e) {
        Room room = registry.rooms().get(e.target());
        if (room == null) {
            return;
        }
        java.util.List<String> params = new java.util.ArrayList<>();
        params.add(room.name());
        params.addAll(java.util.List.of(e.params().split(" ")));
        OutboundLine line = OutboundLine.replay(new IrcMessage(Map.of(), e.prefix(), "MODE", params).toLine(),
                e.time(), e.msgid(), null);
        registry.atomically(() -> {
            QuietGhosts.beforeModes(ctx, room, e.params()); // +o/+v: a quiet member's JOIN before the MODE
            RemoteModes.apply(registry, room, e.params(), nickOf(e.prefix()));
            room.broadcastInOrder(line, ctx.stats());
        });
    }

    /** A user of ours was invited on another node: told, and let past +i here. */
    private void invite(ClusterEvent e) {
        Client c = registry.byNick(e.target());
        if (c == null || c.ghost()) {
            return;
        }
        cluster.invitedHere(c, e.params());
        c.send(OutboundLine.replay(IrcMessage.from(e.prefix(), "INVITE", c.nick(), e.params()).toLine(), e.time(),
                e.msgid(), null));
    }

    /** Another node's admin or operator ends the session of a user of ours (msgid: "kick" or "kill"). */
    private void kill(ClusterEvent e) {
        Client c = registry.byNick(e.target());
        if (c == null || c.ghost()) {
            return;
        }
        LOG.info("cluster: node {} asks to {} {}", e.origin(), e.msgid(), c.nick());
        if (e.msgid().equals("kick")) {
            c.kick(e.prefix(), e.params());
        } else {
            c.disconnect(e.params());
        }
    }

    private Client ghostOf(String node, String nick) {
        Client c = registry.byNick(nick);
        return c != null && c.ghost() && node.equals(c.node()) ? c : null;
    }

    /** Everyone here who shares a room with one of {@code ghosts}. */
    static Set<Client> localPeers(ChatRegistry registry, java.util.Collection<Client> ghosts) {
        Set<Client> peers = new java.util.LinkedHashSet<>();
        for (Client g : ghosts) {
            for (Client p : registry.peersOf(g)) {
                if (!p.ghost()) {
                    peers.add(p);
                }
            }
        }
        return peers;
    }

    static String nickOf(String prefix) {
        int bang = prefix.indexOf('!');
        return bang < 0 ? prefix : prefix.substring(0, bang);
    }

    private static String userOf(String prefix) {
        int bang = prefix.indexOf('!');
        int at = prefix.indexOf('@');
        return bang < 0 || at < bang ? "*" : prefix.substring(bang + 1, at);
    }

    private static String hostOf(String prefix) {
        int at = prefix.indexOf('@');
        return at < 0 ? "*" : prefix.substring(at + 1);
    }
}
