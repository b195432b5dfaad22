package org.chatroom.server.context;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;

/**
 * The core's port to the other daemons of a cluster (issue 17). Commands call it on the user's lane
 * after each change of shared state they made here, with the line they delivered locally; an
 * implementation tells the other nodes without blocking (the Redis one publishes and returns). With the
 * cluster off, {@link #OFF} does nothing and every command works as on a single daemon.
 *
 * <p>Every method but {@link #claimNick} returns at once and never fails: a node that cannot reach
 * the others goes on serving its own users.
 */
public interface Cluster {
    /** No cluster: one daemon alone. */
    Cluster OFF = new Cluster() {
    };

    /** True when other nodes may exist (commands then wait for nick claims). */
    default boolean on() {
        return false;
    }

    /**
     * Claims {@code nick} for {@code c} on every node, before the local claim; completes with false when
     * a user of another node holds it (433). Completes off the lane: wait for it with {@code Session.await}.
     */
    default CompletableFuture<Boolean> claimNick(Client c, String nick) {
        return CompletableFuture.completedFuture(true);
    }

    /** {@code c} no longer holds {@code nick} (a NICK change, a refused local claim, a quit). */
    default void releaseNick(Client c, String nick) {
    }

    /**
     * Called before a JOIN of {@code roomNames}: a node that has no member in a room yet learns its members
     * and state from the others first (so the joiner is not made its operator, and +i/+k/+b hold). Null when
     * there is nothing to wait for; else wait with {@code Session.await}, then join as usual.
     */
    default CompletableFuture<Void> beforeJoin(Collection<String> roomNames) {
        return null;
    }

    /** After the JOIN {@link #beforeJoin} waited for: a room joined by nobody here (refused) is not listened to. */
    default void afterJoin(Collection<String> roomNames) {
    }

    /** The node that {@code c} is connected to (the admin console's node column); empty with the cluster off. */
    default String nodeOf(Client c) {
        return "";
    }

    /** False while the other nodes cannot be reached (Redis away): what is for their users is not delivered. */
    default boolean reachable() {
        return true;
    }

    /** {@code c} completed registration here. */
    default void registered(Client c) {
    }

    /** {@code c} (ours) is now {@code c.nick()}, was {@code oldNick}; {@code line} is the NICK told here. */
    default void nickChanged(Client c, String oldNick, OutboundLine line) {
    }

    /** {@code c} (ours) quit; {@code rooms} are the rooms it was in. */
    default void quit(Client c, Collection<Room> rooms, OutboundLine line) {
    }

    /** {@code c} (ours) changed its AWAY (null = back) or its user modes (+i, +B). */
    default void userChanged(Client c) {
    }

    /** {@code target}, a ghost, was invited to {@code room} here; {@code line} is the INVITE. */
    default void invited(Room room, Client target, OutboundLine line) {
    }

    /** {@code c} (ours) joined {@code room}; {@code line} is the JOIN told here. */
    default void joined(Client c, Room room, OutboundLine line) {
    }

    /**
     * {@code c}, quiet in {@code room} (a large room, see {@code room.large.members}), was announced
     * here: it spoke, or was given +o/+v here. Its standing as the other nodes read it is updated.
     */
    default void announced(Room room, Client c) {
    }

    /** {@code c} (ours) left {@code room}; {@code line} is the PART told here. */
    default void parted(Client c, Room room, OutboundLine line) {
    }

    /** {@code target} (ours or a ghost) was kicked from {@code room} here; {@code line} is the KICK. */
    default void kicked(Room room, Client target, OutboundLine line) {
    }

    /**
     * {@code from} (ours) sent a PRIVMSG, NOTICE or TAGMSG ({@code command}) to {@code room}, delivered here
     * as {@code line}; {@code text} is empty for TAGMSG; {@code kept}: written to history here.
     */
    default void roomMessage(Client from, Room room, String command, String text, OutboundLine line) {
    }

    /** {@code from} (ours) sent {@code command} to {@code to}, a ghost: its node delivers it. */
    default void privateMessage(Client from, Client to, String command, String text, OutboundLine line) {
    }

    /** The topic of {@code room} was set here (already set and told here); {@code line} is the TOPIC. */
    default void topic(Room room, OutboundLine line) {
    }

    /** Modes of {@code room} changed here by {@code change} ({@code +o-v bob carol}); {@code line} is the MODE. */
    default void modes(Room room, String change, OutboundLine line) {
    }

    /** A server ban was set here (admin {@code ban}): every other node enforces it at once. */
    default void serverBanSet(org.chatroom.server.store.BanRow ban) {
    }

    /** The server ban on {@code mask} was lifted here: every other node lifts it too. */
    default void serverBanLifted(String mask) {
    }

    /**
     * A server notice ({@code NOTICE} from {@code from}, the server name) sent here by the admin, for the
     * users of every other node: all of them ({@code room} null) or the members of {@code room}. Completes
     * with how many other nodes took it (for a room: those with members in it), on a cluster thread.
     */
    default CompletableFuture<Long> serverNotice(String room, String from, String text) {
        return CompletableFuture.completedFuture(0L);
    }

    /**
     * WHOIS of {@code ghost} (a user of another node): the rooms it is in that this node does not follow
     * (no member here), as 319 lists them ({@code @#room}); secret ones only if {@code secretToo}. Null when
     * there is nothing to ask; else wait for it with {@code Session.await}.
     */
    default CompletableFuture<java.util.List<String>> roomsElsewhere(Client ghost, boolean secretToo) {
        return null;
    }

    /** Each node's figures for admin {@code stats}, by node id: {@code users=N rooms=N deliveries=N}. */
    default java.util.Map<String, String> nodeStats() {
        return java.util.Map.of();
    }

    /** One line for admin {@code stats}: {@code cluster: off}, {@code cluster: ok, 3 nodes}, {@code cluster: redis down…}. */
    default String describe() {
        return "cluster: off";
    }
}
