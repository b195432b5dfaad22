package org.chatroom.server.admin;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.context.Cluster;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Room;

/**
 * {@code say ROOM TEXT}: a server notice to a room's members, on this node and, in a cluster, on every
 * node with members in it (a room may have members on other nodes only). Runs on the admin thread,
 * which may wait for Redis briefly.
 */
final class RoomNotice {
    private static final Logger LOG = LogManager.getLogger(AdminCommands.class);
    private static final long WAIT_MILLIS = 2000;

    private RoomNotice() {
    }

    static AdminReply say(AdminEnv env, String name, String text, String who) throws AdminException {
        if (text.isEmpty()) {
            throw new AdminException(AdminReply.BAD_VALUE, "nothing to say");
        }
        Room room = env.context().registry().rooms().get(name);
        long here = 0;
        if (room != null) {
            room.broadcast(OutboundLine.of(IrcMessage.from(env.serverName(), "NOTICE", room.name(), text)), null,
                    env.context().stats());
            here = room.members().stream().filter(c -> !c.ghost()).count();
        }
        String shown = room == null ? name : room.name();
        if (!env.context().cluster().on() && room == null) {
            throw new AdminException(AdminReply.CANT, "no such room: " + name);
        }
        long nodes = toOtherNodes(env, shown, text);
        if (room == null && nodes < 0) {
            throw new AdminException(AdminReply.CANT, "no member of " + name + " on this node, and the other"
                    + " nodes cannot be reached (Redis unreachable): not sent");
        }
        if (room == null && nodes == 0) {
            throw new AdminException(AdminReply.CANT, "no such room: " + name + " (no node has members in it)");
        }
        String elsewhere = !env.context().cluster().on() ? ""
                : nodes < 0 ? "; not to other nodes: Redis unreachable" : ", and the members on " + nodes + " other nodes";
        LOG.info("admin ({}): sent a server notice to {} ({} members here{})", who, shown, here, elsewhere);
        return AdminReply.text(List.of("sent to " + shown + " (" + here + " members here" + elsewhere + ")"));
    }

    /**
     * Tells the other nodes' users (all of them, {@code room} null, or {@code room}'s members): how many
     * other nodes took it, 0 without a cluster, -1 when they cannot be reached.
     */
    static long toOtherNodes(AdminEnv env, String room, String text) throws AdminException {
        Cluster cluster = env.context().cluster();
        if (!cluster.on()) {
            return 0;
        }
        try {
            return cluster.serverNotice(room, env.serverName(), text).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException(AdminReply.CLOSING, "interrupted");
        }
    }
}
