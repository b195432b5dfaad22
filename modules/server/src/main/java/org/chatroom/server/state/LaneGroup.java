package org.chatroom.server.state;

import java.util.HashMap;
import java.util.Map;
import org.chatroom.server.core.Lane;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.core.ServerStats;

/**
 * The members of one room that share a lane, confined to that lane: a message reaches them with one
 * task, and joins and leaves cost O(1) (swap-remove in an array, an index map beside it).
 */
final class LaneGroup {
    private final Room room;
    private final Lane lane;
    private final Map<Client, Integer> index = new HashMap<>();
    private Client[] members = new Client[4];
    private int size;

    LaneGroup(Room room, Lane lane) {
        this.room = room;
        this.lane = lane;
    }

    Lane lane() {
        return lane;
    }

    /**
     * Makes this group agree with the room's membership of {@code c} as it is now. Every change of
     * membership schedules one sync on this lane, so whatever order the syncs run in, the last one
     * sees the final state.
     */
    void sync(Client c) {
        boolean member = room.isMember(c);
        Integer at = index.get(c);
        if (member && at == null) {
            if (size == members.length) {
                Client[] grown = new Client[size * 2];
                System.arraycopy(members, 0, grown, 0, size);
                members = grown;
            }
            index.put(c, size);
            members[size++] = c;
        } else if (!member && at != null) {
            index.remove(c);
            Client last = members[--size];
            members[size] = null;
            if (last != c) {
                members[at] = last;
                index.put(last, at);
            }
        }
    }

    /** {@code line} to every member of this group but {@code except}, and but the room's operators if {@code skipOperators}. */
    void deliver(OutboundLine line, Client except, boolean skipOperators, ServerStats stats) {
        Client[] m = members;
        int n = size;
        int sent = 0;
        for (int i = 0; i < n; i++) {
            Client c = m[i];
            if (c != except && !(skipOperators && room.isOperator(c))) {
                c.outbound().write(line.bytesFor(c.caps()));
                sent++;
            }
        }
        stats.messagesOut(sent);
        lane.afterFanOut();
    }
}
