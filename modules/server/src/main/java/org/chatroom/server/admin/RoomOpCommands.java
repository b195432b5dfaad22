package org.chatroom.server.admin;

import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Client;

/** {@code op} and {@code deop}: name a room operator, e.g. for a permanent room that has none. */
final class RoomOpCommands {
    private static final Logger LOG = LogManager.getLogger();

    private RoomOpCommands() {
    }

    static AdminReply op(AdminEnv env, AdminRequest r, String who, boolean on) throws AdminException {
        Room room = env.context().registry().rooms().get(r.args().get(0));
        if (room == null) {
            throw new AdminException(AdminReply.CANT, "no such room: " + r.args().get(0));
        }
        Client c = env.context().registry().byNick(r.args().get(1));
        if (c == null) {
            throw new AdminException(AdminReply.CANT, "no such nick: " + r.args().get(1));
        }
        if (!env.context().registry().setMembership(room, c, m -> m.withOp(on))) {
            throw new AdminException(AdminReply.CANT, c.nick() + " is not in " + room.name());
        }
        OutboundLine line = OutboundLine.of(IrcMessage.from(env.serverName(), "MODE", room.name(), on ? "+o" : "-o",
                c.nick()), java.util.Map.of(), env.context().history().nextTime(room.key()));
        room.broadcast(line, null, env.context().stats());
        env.context().history().room(room.key(), line, null);
        LOG.info("admin ({}): {} {} in {}", who, on ? "made an operator of" : "took operator status from", c.nick(),
                room.name());
        return AdminReply.text(List.of(c.nick() + (on ? " is now an operator of " : " is no longer an operator of ")
                + room.name()));
    }
}
