package org.chatroom.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A whole cluster for one test class, as it runs in production: one throwaway Redis
 * ({@link RedisTestServer}), one throwaway PostgreSQL ({@link PostgresExtension}, as {@code nobody}
 * when we are root) and N daemons as child JVMs ({@link ChildDaemon}) sharing both, each with its own
 * node id ({@code n1}, {@code n2}, ...), folder and free port. Register it {@code static} with
 * {@code @RegisterExtension}. Nodes can be SIGKILLed and started again, Redis stopped and started again
 * on its port. After the class every process is ended, whatever failed, and the folders are deleted;
 * a test JVM that ends early kills the daemons from a shutdown hook.
 */
public final class ClusterNodes implements BeforeAllCallback, AfterAllCallback {
    private final int count;
    private final Duration lease;
    private final Map<String, String> extra;
    private final PostgresExtension pg = new PostgresExtension();
    private final List<ChildDaemon> nodes = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private RedisTestServer redis;
    private Path dir;
    private Thread reaper;

    private ClusterNodes(int count, Duration lease, Map<String, String> extra) {
        this.count = count;
        this.lease = lease;
        this.extra = extra;
    }

    /** {@code count} daemons with lease {@code lease} (short, so that a test sees a node expire quickly). */
    public static ClusterNodes of(int count, Duration lease) {
        return new ClusterNodes(count, lease, Map.of());
    }

    /** The same, every daemon also getting these keys. */
    public ClusterNodes with(Map<String, String> keys) {
        Map<String, String> all = new TreeMap<>(extra);
        all.putAll(keys);
        return new ClusterNodes(count, lease, all);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        reaper = new Thread(this::killAll, "cluster-fixture-kill");
        Runtime.getRuntime().addShutdownHook(reaper);
        pg.beforeAll(context);
        redis = RedisTestServer.startNew();
        dir = Files.createTempDirectory(Path.of("/tmp"), "cl"); // short: admin socket paths are limited to ~107 bytes
        Map<String, String> common = new TreeMap<>();
        common.put("store.url", pg.createDatabase());
        common.put("store.user", pg.user());
        common.put("store.password.file", pg.writePasswordFile(pg.password()).toString());
        common.put("cluster.enabled", "true");
        common.put("cluster.redis.uri", redis.uri());
        common.put("cluster.lease", lease.toMillis() + "ms");
        common.put("worker.threads", "1");
        common.put("limits.exempt", "127.0.0.1"); // every test user comes from loopback
        common.put("flood.exempt", "127.0.0.1");
        common.putAll(extra);
        for (int i = 1; i <= count; i++) {
            Map<String, String> own = new TreeMap<>(common);
            own.put("cluster.node.id", "n" + i);
            own.put("server.name", "n" + i + ".chat.test");
            nodes.add(new ChildDaemon("n" + i, dir.resolve("n" + i), own));
        }
        nodes.forEach(ChildDaemon::launch); // all at once: JVM start-up is most of the wait
        nodes.forEach(ChildDaemon::awaitReady);
    }

    /** Node {@code i}, counted from 1 as its id {@code n<i>} is. */
    public ChildDaemon node(int i) {
        return nodes.get(i - 1);
    }

    public List<ChildDaemon> nodes() {
        return List.copyOf(nodes);
    }

    public RedisTestServer redis() {
        return redis;
    }

    public Duration lease() {
        return lease;
    }

    /** Starts a killed node again (same id, folder and database; a new port) and waits until it listens. */
    public ChildDaemon restart(int i) {
        ChildDaemon n = node(i);
        n.kill();
        n.launch();
        n.awaitReady();
        return n;
    }

    /** A registered raw IRC user on node {@code i}, past the default room's NAMES; closed after the class. */
    public IrcTestClient user(int i, String nick) throws IOException {
        return own(IrcTestClient.registered(node(i).port(), nick));
    }

    /** A raw connection to node {@code i} that has sent nothing; closed after the class. */
    public IrcTestClient connect(int i) throws IOException {
        return own(new IrcTestClient(node(i).port()));
    }

    /** A client of node {@code i}'s admin socket; closed after the class. */
    public AdminTestClient admin(int i) throws IOException {
        return own(new AdminTestClient(node(i).socket()));
    }

    private <T extends AutoCloseable> T own(T c) {
        synchronized (clients) {
            clients.add(c);
        }
        return c;
    }

    /** Every node's console output, for the message of a failed assertion. */
    public String consoles() {
        StringBuilder sb = new StringBuilder();
        for (ChildDaemon n : nodes) {
            sb.append("--- ").append(n).append(" ---\n").append(n.console()).append('\n');
        }
        return sb.toString();
    }

    private void killAll() {
        synchronized (nodes) {
            nodes.forEach(ChildDaemon::kill);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            synchronized (clients) {
                for (AutoCloseable c : clients) {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // the daemon may have closed it first
                    }
                }
                clients.clear();
            }
            killAll();
        } finally {
            try {
                if (redis != null) {
                    redis.close();
                }
            } finally {
                try {
                    pg.afterAll(context);
                } finally {
                    if (reaper != null) {
                        Runtime.getRuntime().removeShutdownHook(reaper);
                    }
                    deleteDir();
                }
            }
        }
    }

    private void deleteDir() throws IOException {
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
