package org.chatroom.server.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;

/**
 * The room half of {@link RedisCluster}: what local users do in rooms, written to the directory and
 * published on the room's channel once; which rooms this node listens to (those with local members,
 * counted here).
 */
final class ClusterRooms {
    private static final long WAIT_MILLIS = 2000;

    private final RedisCluster cluster;
    private final ChatRegistry registry;
    private final ClusterDirectory directory;
    private final ClusterUpkeep upkeep;

    ClusterRooms(RedisCluster cluster, ServerContext ctx, ClusterDirectory directory, ClusterUpkeep upkeep) {
        this.cluster = cluster;
        this.registry = ctx.registry();
        this.directory = directory;
        this.upkeep = upkeep;
    }

    /** See {@link org.chatroom.server.context.Cluster#beforeJoin}: listen, then read members and state. */
    CompletableFuture<Void> beforeJoin(Collection<String> names) {
        if (!upkeep.up()) {
            return null;
        }
        RoomBus bus = cluster.bus();
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (String name : names) {
            if (!NameRules.isRoomName(name)) {
                continue;
            }
            String folded = RedisCluster.fold(name);
            if (bus.listensTo(folded)) {
                continue; // its members are known here already
            }
            CompletableFuture<Map<String, String>> state = directory.roomState(folded);
            CompletableFuture<Void> read = bus.listen(folded)
                    .thenCompose(v -> directory.roomMembers(folded))
                    .thenCombine(state, (members, st) -> {
                        upkeep.loadRoom(name, members, st, false);
                        applyInvites(name);
                        return null;
                    });
            reads.add(read);
        }
        if (reads.isEmpty()) {
            return null;
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .orTimeout(WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    upkeep.down(e);
                    return null;
                });
    }

    void joined(Client c, Room room, OutboundLine line) {
        cluster.localMembers().computeIfAbsent(room.key(), k -> new AtomicInteger()).incrementAndGet();
        if (!upkeep.up()) {
            if (room.members().size() == 1) {
                cluster.madeWhileDown(room);
            }
            return;
        }
        cluster.bus().listen(room.key()).exceptionally(cluster::failed);
        String standing = RedisCluster.standing(room, c); // with the quiet mark the joiner's node decided
        directory.putMember(room.key(), RedisCluster.fold(c.nick()), cluster.node(), standing)
                .exceptionally(cluster::failed);
        publish(room, cluster.event("JOIN", line, c.prefix(), room.name(), "", standing));
    }

    void parted(Client c, Room room, OutboundLine line) {
        if (upkeep.up()) {
            String reason = IrcMessage.parse(line.body()).param(1);
            publish(room, cluster.event("PART", line, c.prefix(), room.name(), "", reason));
        }
        left(c, room);
    }

    void kicked(Room room, Client target, OutboundLine line) {
        if (upkeep.up()) {
            IrcMessage kick = IrcMessage.parse(line.body());
            publish(room, cluster.event("KICK", line, kick.source(), room.name(), target.nick(), kick.param(2)));
        }
        if (!target.ghost()) {
            left(target, room);
        }
    }

    /** {@code c} is quiet in {@code room} no more: its entry loses the quiet mark (a node reading it later shows it). */
    void announced(Room room, Client c) {
        if (upkeep.up() && room.contains(c)) {
            String standing = RedisCluster.standing(room, c);
            directory.putMember(room.key(), RedisCluster.fold(c.nick()), cluster.nodeOf(c), standing)
                    .exceptionally(cluster::failed);
        }
    }

    /** A user of ours left {@code room} (PART, KICK from here or elsewhere, QUIT). */
    void left(Client c, Room room) {
        if (upkeep.up()) {
            directory.removeMember(room.key(), RedisCluster.fold(c.nick())).exceptionally(cluster::failed);
        }
        Map<String, AtomicInteger> local = cluster.localMembers();
        AtomicInteger n = local.get(room.key());
        if (n != null && n.decrementAndGet() <= 0) {
            local.remove(room.key(), n);
            stopListening(room);
        }
    }

    /** A JOIN that {@link #beforeJoin} listened for was refused: nobody of ours is in the room, so stop. */
    void afterJoin(Collection<String> names) {
        for (String name : names) {
            String folded = RedisCluster.fold(name);
            if (NameRules.isRoomName(name) && cluster.bus().listensTo(folded)
                    && !cluster.localMembers().containsKey(folded)) {
                Room room = registry.rooms().get(name);
                if (room != null) {
                    stopListening(room);
                } else if (!cluster.closed()) {
                    cluster.bus().ignore(folded).exceptionally(cluster::failed);
                }
            }
        }
    }

    /** No member of ours is left in {@code room}: stop hearing it and drop its ghosts here. */
    private void stopListening(Room room) {
        if (!cluster.closed()) { // a closed client throws rather than failing the future
            cluster.bus().ignore(room.key()).exceptionally(cluster::failed);
        }
        registry.atomically(() -> {
            if (cluster.localMembers().containsKey(room.key())) {
                return; // someone of ours joined again meanwhile
            }
            for (Client m : room.members()) {
                if (m.ghost()) {
                    registry.part(m, room);
                }
            }
        });
    }

    /** Invitations from other nodes to rooms this node may not have read yet: applied by {@link #applyInvites}. */
    private final Map<String, java.util.Set<Client>> invites = new java.util.concurrent.ConcurrentHashMap<>();

    void invitedHere(Client c, String roomName) {
        invites.computeIfAbsent(RedisCluster.fold(roomName), k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(c);
        applyInvites(roomName);
    }

    /** Registry lock taken: the room (if it exists here) lets in the users invited elsewhere. */
    void applyInvites(String roomName) {
        java.util.Set<Client> invited = invites.get(RedisCluster.fold(roomName));
        if (invited == null) {
            return;
        }
        registry.atomically(() -> {
            Room room = registry.rooms().get(roomName);
            if (room != null) {
                room.invited().addAll(invited);
                invites.remove(room.key());
            }
        });
    }

    void message(Client from, Room room, String command, String text, OutboundLine line) {
        cluster.seen().add(line.msgid()); // delivered here: a fill from the history must skip it
        String tags = line.clientTags();
        publish(room, cluster.event(command, line, from.prefix(), room.name(), tags == null ? "" : tags, text));
    }

    void topic(Room room, OutboundLine line) {
        IrcMessage m = IrcMessage.parse(line.body());
        ClusterEvent e = cluster.event("TOPIC", line, m.source(), room.name(), room.topic().setBy(), room.topic().text());
        if (upkeep.up()) {
            directory.putState(room.key(), Map.of("topic", e.encode())).exceptionally(cluster::failed);
        }
        publish(room, e);
    }

    void modes(Room room, String change, OutboundLine line) {
        ClusterEvent e = cluster.event("MODE", line, IrcMessage.parse(line.body()).source(), room.name(), "", change);
        if (!upkeep.up()) {
            cluster.unsent().toRoom(room.key(), e); // the state is written when Redis is back
            return;
        }
        directory.putState(room.key(), roomState(room)).exceptionally(cluster::failed);
        String[] words = change.split(" ");
        for (int i = 1; i < words.length; i++) { // +o/+v: the entry of the member named
            Client member = registry.byNick(words[i]);
            if (member != null && room.contains(member)) {
                directory.putMember(room.key(), RedisCluster.fold(member.nick()), cluster.nodeOf(member),
                        RedisCluster.standing(room, member)).exceptionally(cluster::failed);
            }
        }
        publish(room, e);
    }

    /**
     * Published now; a message, topic or mode change is kept for when Redis is back if it is away or the
     * publish fails (joins and parts are not: the member lists are re-read then).
     */
    private void publish(Room room, ClusterEvent e) {
        boolean keep = !e.kind().equals("JOIN") && !e.kind().equals("PART") && !e.kind().equals("KICK");
        if (!upkeep.up()) {
            if (keep) {
                cluster.unsent().toRoom(room.key(), e);
            }
            return;
        }
        cluster.bus().toRoom(room.key(), e).exceptionally(error -> {
            if (keep) {
                cluster.unsent().toRoom(room.key(), e);
            }
            return cluster.failed(error);
        });
    }

    static Map<String, String> roomState(Room room) {
        return Map.of("modes", room.modes().describe(true), "bans", RemoteModes.patterns(room.bans()),
                "excepts", RemoteModes.patterns(room.banExceptions().entries()),
                "invex", RemoteModes.patterns(room.inviteExceptions().entries()));
    }
}
