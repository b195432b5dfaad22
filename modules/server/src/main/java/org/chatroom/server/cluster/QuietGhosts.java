package org.chatroom.server.cluster;

import java.util.function.Supplier;
import org.chatroom.server.command.QuietJoins;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;

/**
 * Quiet joins in large rooms ({@code room.large.members}, {@link QuietJoins}) for users of other nodes,
 * so a room behaves alike on every node. The joiner's node decides whether a JOIN is quiet, judging the
 * room by all its members (its ghosts included, read from the directory before the first local JOIN),
 * and marks the decision ({@link #QUIET} in the standing of the JOIN event and of the directory entry).
 * Every other node hushes the ghost alike: its JOIN, PART and KICK reach the operators here only (its
 * NICK and QUIT too, through {@link ChatRegistry#audienceOf}), NAMES and WHO show it to operators only,
 * until a message of it to the room, or a +o/+v given to it, announces it here just before that line.
 *
 * <p>Called by {@link ClusterReceiver} and {@link ClusterUpkeep#loadRoom} on their own threads (never a
 * lane); the lines are queued onto the members' lanes, in the order they are told.
 */
final class QuietGhosts {
    /** The mark of a quiet member in a published standing ({@code "vq"}); nodes that predate it ignore it. */
    static final String QUIET = "q";

    private QuietGhosts() {
    }

    /** Whom a ghost's JOIN is told to here. */
    enum Tell {
        NOBODY, EVERYONE, OPERATORS,
        /** A member quiet here whose node says it is quiet no more (announced while this node missed it). */
        ANNOUNCE
    }

    record Joined(Room room, Tell tell) {
    }

    /**
     * Puts {@code ghost} in room {@code roomName} with {@code standing} as its node published it, under
     * the registry lock: a newcomer marked quiet is hushed in the same step, so no NAMES ever lists it.
     */
    static Joined join(ChatRegistry registry, Client ghost, String roomName, String standing) {
        boolean quiet = standing.contains(QUIET);
        return registry.atomically(() -> {
            Room before = registry.rooms().get(roomName);
            boolean fresh = before == null || !before.contains(ghost);
            boolean quietHere = !fresh && before.quiet(ghost);
            Room room = registry.joinGhost(ghost, roomName, RedisCluster.standing(standing));
            if (!fresh) {
                return new Joined(room, quietHere && !quiet ? Tell.ANNOUNCE : Tell.NOBODY);
            }
            if (quiet) {
                room.hush(ghost);
                return new Joined(room, Tell.OPERATORS);
            }
            return new Joined(room, Tell.EVERYONE);
        });
    }

    /** Tells the local members of {@code joined.room()} that {@code ghost} joined, with {@code line}, as decided. */
    static void tell(ServerContext ctx, Joined joined, Client ghost, Supplier<OutboundLine> line) {
        Room room = joined.room();
        switch (joined.tell()) {
            case EVERYONE -> room.broadcast(line.get(), null, ctx.stats());
            case OPERATORS -> room.toOperatorsAnd(ghost, line.get());
            case ANNOUNCE -> QuietJoins.announce(ctx.stats(), room, ghost);
            case NOBODY -> { }
        }
    }

    /**
     * A member as the directory lists it ({@link ClusterUpkeep#loadRoom}): joined here and, when
     * {@code tell}, its JOIN told (stamped now). One announced meanwhile is announced whatever {@code tell}.
     */
    static void load(ServerContext ctx, Client ghost, String roomName, String standing, boolean tell) {
        Joined joined = join(ctx.registry(), ghost, roomName, standing);
        if (tell || joined.tell() == Tell.ANNOUNCE) {
            tell(ctx, joined, ghost, () -> QuietJoins.joinLine(ghost, joined.room(), System.currentTimeMillis()));
        }
    }

    /**
     * A PART or KICK of {@code who} (a ghost, or ours kicked on another node) decided elsewhere: to
     * everyone here, or while {@code who} is quiet to the operators and {@code who} only.
     */
    static void leaving(ServerContext ctx, Room room, Client who, OutboundLine line) {
        if (room.quiet(who)) {
            room.toOperatorsAnd(who, line);
        } else {
            room.broadcast(line, null, ctx.stats());
        }
    }

    /** Before a message of {@code from} (a ghost) to {@code room} is told here: its JOIN first if it is quiet. */
    static void beforeMessage(ServerContext ctx, Room room, Client from) {
        if (from != null && from.ghost()) {
            QuietJoins.announce(ctx.stats(), room, from);
        }
    }

    /**
     * Before a MODE decided on another node is told here ({@code change}: {@code +o-v bob carol}): each
     * quiet member it gives +o or +v is announced first, since a standing is shown on a nick everyone
     * must know. Ours too: the node that gave it announced it only to its own members.
     */
    static void beforeModes(ServerContext ctx, Room room, String change) {
        String[] words = change.split(" ");
        boolean adding = true;
        int next = 1;
        for (char ch : words[0].toCharArray()) {
            if (ch == '+' || ch == '-') {
                adding = ch == '+';
                continue;
            }
            if (!RemoteModes.takesArgument(ch, adding)) {
                continue;
            }
            if (next >= words.length) {
                return;
            }
            String arg = words[next++];
            Client member = adding && (ch == 'o' || ch == 'v') ? ctx.registry().byNick(arg) : null;
            if (member != null) {
                QuietJoins.announce(ctx.stats(), room, member);
            }
        }
    }
}
