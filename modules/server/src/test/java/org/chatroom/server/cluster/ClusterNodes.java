package org.chatroom.server.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.PostgresExtension;
import org.chatroom.server.support.RedisTestServer;
import org.chatroom.server.support.TestServer;

/**
 * Real daemons of one cluster for a test: a throwaway redis-server, one fresh PostgreSQL database, and
 * nodes started in-process on free ports (node-a, node-b, ...), each a whole {@link ChatServer}.
 */
final class ClusterNodes implements AutoCloseable {
    /** Short, so a lost node is found in a few seconds. */
    static final Duration LEASE = Duration.ofMillis(1500);

    private final PostgresExtension pg;
    private final RedisTestServer redis = RedisTestServer.startNew();
    private final String database;
    private final Path password;
    private final List<ChatServer> servers = new ArrayList<>();
    private final List<IrcTestClient> clients = new ArrayList<>();

    ClusterNodes(PostgresExtension pg) throws IOException {
        this.pg = pg;
        this.database = pg.createDatabase();
        this.password = pg.writePasswordFile(pg.password());
    }

    RedisTestServer redis() {
        return redis;
    }

    /** The settings node {@code id} runs with (more may be added). */
    Map<String, String> config(String id) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("store.url", database);
        cfg.put("store.user", pg.user());
        cfg.put("store.password.file", password.toString());
        cfg.put("cluster.enabled", "true");
        cfg.put("cluster.redis.uri", redis.uri());
        cfg.put("cluster.node.id", id);
        cfg.put("cluster.lease", LEASE.toMillis() + "ms");
        cfg.put("history.replay.lines", "0");
        cfg.put("flood.exempt", "127.0.0.1");
        return cfg;
    }

    ChatServer start(String id) {
        return start(id, Map.of());
    }

    /** Node {@code id} with {@code extra} settings on top of {@link #config}. */
    ChatServer start(String id, Map<String, String> extra) {
        Map<String, String> cfg = config(id);
        cfg.putAll(extra);
        ChatServer s = TestServer.start(cfg);
        servers.add(s);
        return s;
    }

    /** A registered user on {@code node} (in #lobby), closed with the fixture. */
    IrcTestClient user(ChatServer node, String nick) throws IOException {
        IrcTestClient c = IrcTestClient.registered(node.port(), nick);
        clients.add(c);
        return c;
    }

    /** A connection not registered yet. */
    IrcTestClient connect(ChatServer node) throws IOException {
        IrcTestClient c = new IrcTestClient(node.port());
        clients.add(c);
        return c;
    }

    @Override
    public void close() throws IOException {
        for (IrcTestClient c : clients) {
            c.close();
        }
        for (ChatServer s : servers) {
            s.close();
        }
        redis.close();
    }
}
