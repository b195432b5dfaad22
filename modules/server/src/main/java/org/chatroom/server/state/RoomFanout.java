package org.chatroom.server.state;

import org.chatroom.server.core.Lane;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.core.ServerStats;

/**
 * How a room's lines reach its members: one {@link LaneGroup} per lane, each touched only by its
 * lane, so a message fans out with one task per lane and no lock. The room's membership changes
 * (under the registry lock) schedule a {@link #sync} on the member's lane.
 */
final class RoomFanout {
    private final Room room;
    private volatile LaneGroup[] groups = new LaneGroup[0];

    RoomFanout(Room room) {
        this.room = room;
    }

    /** Registry lock held: {@code c} joined or left; its lane's group catches up on that lane. */
    void sync(Client c) {
        if (c.ghost()) {
            return; // its own node delivers to it: no lane group, no task, nothing per message here
        }
        LaneGroup g = groupOf(c.lane());
        g.lane().run(() -> g.sync(c));
    }

    /** Registry lock held; lanes are few and fixed, so the array is copied only when a lane first appears. */
    private LaneGroup groupOf(Lane lane) {
        LaneGroup[] gs = groups;
        for (LaneGroup g : gs) {
            if (g.lane() == lane) {
                return g;
            }
        }
        LaneGroup g = new LaneGroup(room, lane);
        LaneGroup[] next = java.util.Arrays.copyOf(gs, gs.length + 1);
        next[gs.length] = g;
        groups = next;
        return g;
    }

    /** The caller's lane now, every other lane queued before this returns. */
    void deliver(OutboundLine line, Client except, boolean skipOperators, ServerStats stats) {
        for (LaneGroup g : groups) {
            if (g.lane().inLane()) {
                g.deliver(line, except, skipOperators, stats);
            } else {
                g.lane().execute(() -> g.deliver(line, except, skipOperators, stats));
            }
        }
    }

    /** Queued on every lane, the caller's too (see {@link Room#broadcastInOrder}). */
    void inOrder(OutboundLine line, ServerStats stats) {
        for (LaneGroup g : groups) {
            g.lane().execute(() -> g.deliver(line, null, false, stats));
        }
    }
}
