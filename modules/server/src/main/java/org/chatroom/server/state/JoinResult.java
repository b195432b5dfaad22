package org.chatroom.server.state;

import org.chatroom.protocol.Numeric;

/**
 * What {@link ChatRegistry#join} decided, under its lock.
 *
 * @param room    the room joined (or, when refused, the room that refused; null if none)
 * @param refusal the numeric that says why not, or null when joined
 * @param already true when the client was a member already (nothing changed, nothing to say)
 */
public record JoinResult(Room room, Numeric refusal, boolean already) {
    static JoinResult joined(Room room) {
        return new JoinResult(room, null, false);
    }

    static JoinResult member(Room room) {
        return new JoinResult(room, null, true);
    }

    static JoinResult refused(Room room, Numeric why) {
        return new JoinResult(room, why, false);
    }

    public boolean joined() {
        return refusal == null && !already;
    }
}
