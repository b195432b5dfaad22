package org.chatroom.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.chatroom.server.cluster.NodeIdInUseException;
import org.chatroom.server.cluster.RedisCluster;
import org.chatroom.server.cluster.SharedLoops;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.context.ServerStartException;

/** Starts this daemon's side of the cluster when {@code cluster.enabled}; every failure is a one-line start error. */
final class ClusterStarter {
    private ClusterStarter() {
    }

    /** The started cluster, or null when it is off; its subscriptions may run on {@code loops}, the daemon's event loops. */
    static RedisCluster start(ServerContext context, SharedLoops loops) {
        ServerConfig cfg = context.config();
        if (!cfg.get(ServerConfigKeys.CLUSTER_ENABLED)) {
            return null;
        }
        if (!cfg.get(ServerConfigKeys.STORE_URL).startsWith("jdbc:postgresql:")) {
            throw new ServerStartException("a cluster needs store.url=jdbc:postgresql:… (every node shares one"
                    + " PostgreSQL database; SQLite serves one daemon only)");
        }
        String uri = cfg.get(ServerConfigKeys.CLUSTER_REDIS_URI);
        String node = nodeId(cfg);
        RedisCluster cluster;
        try {
            cluster = RedisCluster.start(context, uri, node, cfg.get(ServerConfigKeys.CLUSTER_LEASE),
                    cfg.get(ServerConfigKeys.CLUSTER_SHARED_LOOPS) ? loops : null);
        } catch (NodeIdInUseException e) {
            throw new ServerStartException(e.getMessage());
        } catch (RuntimeException e) { // Lettuce's RedisConnectionException and friends
            throw new ServerStartException("cannot reach Redis at " + RedisCluster.withoutPassword(uri) + ": "
                    + rootMessage(e) + " (check cluster.redis.uri and that redis-server runs)");
        }
        context.cluster(cluster);
        return cluster;
    }

    /** cluster.node.id, or the host name and port made to fit its rules. */
    static String nodeId(ServerConfig cfg) {
        String id = cfg.get(ServerConfigKeys.CLUSTER_NODE_ID);
        if (!id.isEmpty()) {
            return id;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String suffix = "-" + cfg.port();
        String clean = host.replaceAll("[^A-Za-z0-9._-]", "-");
        return clean.substring(0, Math.min(clean.length(), 32 - suffix.length())) + suffix;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        return msg == null ? t.getClass().getSimpleName() : msg;
    }
}
