package org.chatroom.server.command;

import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;

/**
 * {@code MODE #room +r} / {@code -r}: registering a room to one's account. A registered room is
 * permanent (kept with its topic, modes and lists across restarts), and whoever is logged in to the
 * owner account gets op whenever they join it, so op no longer goes to whoever rejoins first after a
 * restart. A room operator who is logged in registers; only the owner or a server operator
 * unregisters (a transfer is {@code -r} by the owner, then {@code +r} by the new owner).
 */
public final class RoomOwnership {
    private RoomOwnership() {
    }

    /**
     * Registry lock held; the caller is an operator of {@code room} or a server operator. Returns ""
     * when the registration changed, null (after saying why, if it was refused) when not.
     */
    static String change(Session s, ChatRegistry registry, Room room, boolean register) {
        Client c = s.client();
        String owner = room.owner();
        if (register) {
            if (c.account() == null) {
                StandardReplies.failOrNotice(s, "MODE", "ACCOUNT_REQUIRED", "Log in to an account (SASL) to register "
                        + room.name() + "; it is then registered to that account", room.name());
                return null;
            }
            if (owner != null) {
                if (!room.isOwner(c)) {
                    StandardReplies.failOrNotice(s, "MODE", "ALREADY_REGISTERED", room.name() + " is registered to "
                            + owner + "; only " + owner + " or a server operator can unregister it (MODE "
                            + room.name() + " -r)", room.name());
                }
                return null;
            }
            registry.owner(room, c.account());
            return "";
        }
        if (owner == null) {
            return null;
        }
        if (!room.isOwner(c) && !c.serverOperator()) {
            StandardReplies.failOrNotice(s, "MODE", "NOT_OWNER", "Only " + owner + " (who registered " + room.name()
                    + ") or a server operator can unregister it", room.name());
            return null;
        }
        registry.owner(room, null);
        return "";
    }

    /** After the owner's JOIN: the room is told, by the server, that the owner has op (the joiner's NAMES shows it). */
    static void opped(Session s, Room room) {
        ServerContext ctx = s.context();
        Client c = s.client();
        OutboundLine line = OutboundLine.of(IrcMessage.from(ctx.config().get(ServerConfigKeys.SERVER_NAME), "MODE",
                room.name(), "+o", c.nick()), java.util.Map.of(), ctx.history().nextTime(room.key()));
        room.broadcast(line, null, ctx.stats());
        ctx.history().room(room.key(), line, null);
        ctx.cluster().modes(room, "+o " + c.nick(), line); // the other nodes too: ops are the same everywhere
    }

    /** After a login: op, told to the room, in each room the account registered that the user is in without op. */
    static void loggedIn(Session s) {
        Client c = s.client();
        for (Room room : c.rooms()) {
            if (room.isOwner(c) && !room.isOperator(c)) {
                QuietJoins.announce(s, room, c); // everyone must know the nick before a MODE names it
            }
            if (room.isOwner(c) && !room.isOperator(c)
                    && s.context().registry().setMembership(room, c, m -> m.withOp(true))) {
                opped(s, room);
            }
        }
    }

    /**
     * After {@code account} was deleted: each room it registered is unregistered (told to its members
     * as a MODE -r from the server, saved or forgotten), so whoever later makes an account of that
     * name does not inherit the rooms. Returns their names.
     */
    public static java.util.List<String> accountDeleted(ServerContext ctx, String account) {
        String key = ChatRegistry.MAPPING.fold(account);
        String server = ctx.config().get(ServerConfigKeys.SERVER_NAME);
        java.util.List<String> freed = new java.util.ArrayList<>();
        for (Room room : ctx.registry().rooms().all()) {
            String owner = room.owner();
            if (owner == null || !ChatRegistry.MAPPING.fold(owner).equals(key)) {
                continue;
            }
            ctx.registry().atomically(() -> {
                ctx.registry().owner(room, null);
                OutboundLine line = OutboundLine.of(IrcMessage.from(server, "MODE", room.name(), "-r"),
                        java.util.Map.of(), ctx.history().nextTime(room.key()));
                room.broadcastInOrder(line, ctx.stats());
                ctx.history().room(room.key(), line, null);
            });
            ctx.roomOwnerChanged(room);
            freed.add(room.name());
        }
        return freed;
    }
}
