package org.chatroom.server.cluster;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Fan-out between nodes over Redis sharded pub/sub ({@code SPUBLISH}/{@code SSUBSCRIBE}, so Redis
 * Cluster can spread rooms over shards later). A node listens to a room's channel while it has local
 * members in it, and always to its own inbox (private messages to its users). A message is delivered
 * to local members at once by the node that took it and published once for the others; a node skips
 * the events it published itself. Lettuce subscribes again by itself after a reconnect.
 *
 * <p>Channels: {@code chat:room:<folded room>}, {@code chat:inbox:<node>}. Events reach the handler on
 * the loop the subscription connection lives on: one of the daemon's when it lends them ({@link SharedLoops}),
 * so the members of that lane get an event inline and the others by one task per lane; the handler must not
 * block there.
 */
public final class RoomBus implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final RedisLink redis;
    private final String node;
    private final StatefulRedisPubSubConnection<String, String> subscriptions;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();

    /** Connects the subscription side and listens to this node's inbox; blocks, so for start-up only. */
    public RoomBus(RedisLink redis, String node, Consumer<ClusterEvent> handler) {
        this.redis = redis;
        this.node = node;
        this.subscriptions = redis.connectPubSub();
        subscriptions.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void smessage(String channel, String message) {
                receive(channel, message, handler);
            }
        });
        subscriptions.sync().ssubscribe(inbox(node));
    }

    private void receive(String channel, String message, Consumer<ClusterEvent> handler) {
        ClusterEvent event;
        try {
            event = ClusterEvent.decode(message);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignored a message on {} that is no cluster event ({})", channel, e.getMessage());
            return;
        }
        if (!event.origin().equals(node)) {
            handler.accept(event);
        }
    }

    /** Starts listening to {@code folded}'s channel (its first local member joined); idempotent. */
    public CompletableFuture<Void> listen(String folded) {
        if (!rooms.add(folded)) {
            return CompletableFuture.completedFuture(null);
        }
        return subscriptions.async().ssubscribe(roomChannel(folded)).toCompletableFuture().thenApply(ignored -> null);
    }

    /** Stops listening to {@code folded} (its last local member left); idempotent. */
    public CompletableFuture<Void> ignore(String folded) {
        if (!rooms.remove(folded)) {
            return CompletableFuture.completedFuture(null);
        }
        return subscriptions.async().sunsubscribe(roomChannel(folded)).toCompletableFuture().thenApply(ignored -> null);
    }

    /** Starts listening to the channel every node hears (users coming, going, renamed; nodes lost). */
    public CompletableFuture<Void> listenPresence() {
        return subscriptions.async().ssubscribe(PRESENCE).toCompletableFuture().thenApply(ignored -> null);
    }

    /** Tells every node (presence: a user came, left, changed nick or away; a node is gone). */
    public CompletableFuture<Long> toAll(ClusterEvent event) {
        return redis.async().spublish(PRESENCE, event.encode()).toCompletableFuture();
    }

    /** Whether this node listens to {@code folded} now. */
    public boolean listensTo(String folded) {
        return rooms.contains(folded);
    }

    /**
     * Subscribes again to the inbox, presence and every room listened to: after an outage, a subscription
     * made meanwhile failed (Lettuce renews the ones it had by itself; again is harmless).
     */
    public CompletableFuture<Void> relisten() {
        java.util.List<String> channels = new java.util.ArrayList<>(List.of(inbox(node), PRESENCE));
        rooms.forEach(r -> channels.add(roomChannel(r)));
        return subscriptions.async().ssubscribe(channels.toArray(String[]::new)).toCompletableFuture()
                .thenApply(ignored -> null);
    }

    /** Rooms this node listens to now. */
    public Set<String> listening() {
        return Set.copyOf(rooms);
    }

    /** Tells the other nodes with members in {@code folded}; answers how many subscribers got it. */
    public CompletableFuture<Long> toRoom(String folded, ClusterEvent event) {
        return redis.async().spublish(roomChannel(folded), event.encode()).toCompletableFuture();
    }

    /** Sends {@code event} to the node that holds its target user. */
    public CompletableFuture<Long> toNode(String otherNode, ClusterEvent event) {
        return redis.async().spublish(inbox(otherNode), event.encode()).toCompletableFuture();
    }

    /** Not a room's channel: folded room names start with '#' or '&'. */
    private static final String PRESENCE = "chat:presence";

    private static String roomChannel(String folded) {
        return "chat:room:" + folded;
    }

    private static String inbox(String node) {
        return "chat:inbox:" + node;
    }

    @Override
    public void close() {
        subscriptions.close();
    }
}
