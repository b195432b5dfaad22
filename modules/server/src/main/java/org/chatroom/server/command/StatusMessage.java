package org.chatroom.server.command;

import org.chatroom.protocol.NameRules;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Membership;
import org.chatroom.server.state.Room;

/**
 * STATUSMSG (005 {@code STATUSMSG=@+}): a message to {@code @#room} reaches the room's operators, one to
 * {@code +#room} its voiced members and operators.
 */
final class StatusMessage {
    private StatusMessage() {
    }

    /** {@code @} or {@code +} when {@code target} is such a target, else 0. */
    static char prefixOf(String target) {
        if (target.length() < 2 || (target.charAt(0) != '@' && target.charAt(0) != '+')) {
            return 0;
        }
        return NameRules.isRoomName(target.substring(1)) ? target.charAt(0) : 0;
    }

    /** Delivers {@code line} to the members {@code prefix} names, and to the sender with echo-message. */
    static void deliver(Client sender, char prefix, Room room, OutboundLine line) {
        for (Client member : room.members()) {
            if (member == sender) {
                if (sender.has(Cap.ECHO_MESSAGE)) {
                    member.send(line);
                }
                continue;
            }
            Membership m = room.membership(member);
            if (m != null && (m.op() || (prefix == '+' && m.voice()))) {
                member.send(line);
            }
        }
    }
}
