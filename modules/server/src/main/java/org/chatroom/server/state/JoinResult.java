package org.chatroom.server.state;

import org.chatroom.protocol.Numeric;

/**
 * What {@link ChatRegistry#join} decided, under its lock.
 *
 * @param room    the room joined (or, when refused, the room that refused; null if none)
 * @param refusal the numeric that says why not, or null when joined
 * @param already true when the client was a member already (nothing changed, nothing to say)
 * @param asOwner true when the client joined a room it registered (+r), and got op for it: the room
 *                is told with a MODE +o, as it would be if an operator had given it
 */
public record JoinResult(Room room, Numeric refusal, boolean already, boolean asOwner) {
    static JoinResult joined(Room room) {
        return new JoinResult(room, null, false, false);
    }

    static JoinResult joinedAsOwner(Room room) {
        return new JoinResult(room, null, false, true);
    }

    static JoinResult member(Room room) {
        return new JoinResult(room, null, true, false);
    }

    static JoinResult refused(Room room, Numeric why) {
        return new JoinResult(room, why, false, false);
    }

    public boolean joined() {
        return refusal == null && !already;
    }
}
