package org.chatroom.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one fixture for tests that need a real daemon: register it with
 * {@code @RegisterExtension final ChatServerExtension daemon = ChatServerExtension.withAdminSocket();},
 * call {@link #start()} (or {@link #start(Map)} with overrides, again to restart), and use
 * {@link #user(String)} for registered raw IRC users. After each test every user is closed, the
 * daemon is closed and its folder (data, admin socket) is deleted. The folder is a short one under
 * /tmp: Unix socket paths are limited to ~107 bytes, which surefire's folders can pass.
 */
public final class ChatServerExtension implements AfterEachCallback {
    private final boolean adminSocket;
    private final Map<String, String> defaults;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private Path dir;
    private ChatServer server;

    private ChatServerExtension(boolean adminSocket, Map<String, String> defaults) {
        this.adminSocket = adminSocket;
        this.defaults = defaults;
    }

    /** A daemon without the admin socket. */
    public static ChatServerExtension plain() {
        return new ChatServerExtension(false, Map.of());
    }

    /** A daemon with its admin socket at {@link #socket()}. */
    public static ChatServerExtension withAdminSocket() {
        return new ChatServerExtension(true, Map.of());
    }

    /** The same, with these keys set for every start of this fixture. */
    public ChatServerExtension with(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(defaults);
        all.putAll(overrides);
        return new ChatServerExtension(adminSocket, all);
    }

    /** The daemon's folder: data, run/ (the admin socket), anything a test puts there. */
    public Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory(Path.of("/tmp"), "cs");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return dir;
    }

    public Path socket() {
        return dir().resolve("run/a.sock");
    }

    public Path data() {
        return dir().resolve("data");
    }

    public ChatServer start() {
        return start(Map.of());
    }

    /** Starts the daemon (closing one started before: a restart keeps the folder and, if asked, the port). */
    public ChatServer start(Map<String, String> extra) {
        if (server != null) {
            server.close();
        }
        Map<String, String> all = overrides();
        all.putAll(extra);
        server = new ChatServer(ServerConfig.defaults(all)).start();
        return server;
    }

    public ChatServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** A client of the admin socket; closed after the test. */
    public AdminTestClient admin() throws IOException {
        AdminTestClient a = new AdminTestClient(socket());
        synchronized (owned) {
            owned.add(a);
        }
        return a;
    }

    /** The configuration a start would use, for tests that build their own {@link ChatServer}. */
    public Map<String, String> overrides() {
        Map<String, String> all = new HashMap<>();
        all.put("port", "0");
        all.put("http.port", "0");
        all.put("bind", "127.0.0.1");
        all.put("worker.threads", "2");
        all.put("motd.file", dir().resolve("motd.txt").toString());
        all.put("data.dir", data().toString());
        all.put("admin.enabled", Boolean.toString(adminSocket));
        all.put("admin.socket", socket().toString());
        all.putAll(defaults);
        return all;
    }

    /** A raw IRC user, registered and past the default room's NAMES; closed after the test. */
    public IrcTestClient user(String nick) throws IOException {
        return own(IrcTestClient.registered(port(), nick));
    }

    /** A raw connection that has sent nothing yet; closed after the test. */
    public IrcTestClient connect() throws IOException {
        return own(new IrcTestClient(port()));
    }

    private IrcTestClient own(IrcTestClient c) {
        synchronized (owned) {
            owned.add(c);
        }
        return c;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        synchronized (owned) {
            for (AutoCloseable c : owned) {
                c.close();
            }
            owned.clear();
        }
        if (server != null) {
            server.close();
            server = null;
        }
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            dir = null;
        }
    }
}
