package org.chatroom.server.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chatroom.protocol.NameRules;
import org.chatroom.server.auth.PasswordHash;

/**
 * Every configuration key, with its type, default and meaning, in one place (the shipped
 * {@code conf/chat-server.properties} lists the same keys in the same order).
 */
public final class ServerConfigKeys {
    private static final Map<String, ConfigKey<?>> ALL = new LinkedHashMap<>();

    public static final ConfigKey<InetAddress> BIND = key("bind", "0.0.0.0",
            "address to listen on; 0.0.0.0 = every IPv4 interface, 127.0.0.1 = this machine only", false,
            ValueParsers::address);
    public static final ConfigKey<Integer> PORT = key("port", "6667",
            "TCP port for IRC clients; 0 picks a free port (logged at start)", false, ValueParsers.intRange(0, 65535));
    public static final ConfigKey<String> SERVER_NAME = key("server.name", "chat.localhost",
            "this server's name as clients see it (host-like, with a dot)", false, ValueParsers::serverName);
    public static final ConfigKey<String> NETWORK_NAME = key("network.name", "Chatroom",
            "network name shown by clients (005 NETWORK)", false, ValueParsers::word);
    public static final ConfigKey<String> DEFAULT_ROOM = key("room.default", "#lobby",
            "room every user joins after connecting; it always exists. Empty = no default room: nobody is"
                    + " joined anywhere and only rooms users made (and rooms.permanent) exist", false,
            ServerConfigKeys::roomOrNone);
    public static final ConfigKey<Boolean> DEFAULT_ROOM_AUTOJOIN = key("room.default.autojoin", "true",
            "whether every user joins the default room after registering (each join is announced to everyone in it)",
            true, ValueParsers::bool);
    public static final ConfigKey<Integer> ROOM_LARGE_MEMBERS = key("room.large.members", "200",
            "a room with more members than this is large: a newcomer's JOIN is shown only to the room's operators"
                    + " until the newcomer first speaks (then to everyone), the PART, QUIT and NICK of such a quiet member"
                    + " go to the operators only, and NAMES and WHO list quiet members to operators only. Keeps a"
                    + " room of thousands usable (docs/PERFORMANCE.md). In a cluster the members of every node count, and"
                    + " a quiet member is quiet on every node. 0 = every join is shown to everyone, however large",
            true, ValueParsers.intRange(0, 1_000_000));
    public static final ConfigKey<String> DEFAULT_TOPIC = key("room.default.topic", "Welcome to Chatroom",
            "topic of the default room at start", false, ValueParsers.text(390));
    public static final ConfigKey<Path> MOTD_FILE = key("motd.file", "conf/motd.txt",
            "message of the day, a UTF-8 text file; relative to the install folder; missing = no MOTD", true,
            ValueParsers::path);
    public static final ConfigKey<Integer> WORKER_THREADS = key("worker.threads", "0",
            "event-loop threads serving clients; 0 = half the CPU cores, at least 1 (measured fastest, docs/PERFORMANCE.md)", false, ValueParsers.intRange(0, 256));
    public static final ConfigKey<String> TRANSPORT = key("transport", "auto",
            "socket implementation of every listener: auto = epoll, else io_uring, else nio (the choice and the"
                    + " reason for a fallback are logged at start); io_uring, epoll or nio = that one, and the start"
                    + " fails if it is not available. io_uring is not auto's first choice yet: see docs/PERFORMANCE.md", false,
            ValueParsers.oneOf("auto", "io_uring", "epoll", "nio"));
    public static final ConfigKey<Integer> MAX_CLIENTS = key("max.clients", "10000",
            "registered users at once; more get 'Server full' (each needs a file descriptor)", true,
            ValueParsers.intRange(1, 1_000_000));
    public static final ConfigKey<Integer> MAX_UNREGISTERED = key("max.unregistered", "1000",
            "connections still registering at once; when full the oldest is closed to admit the new one, so"
                    + " half-open connections never lock registered users out", true,
            ValueParsers.intRange(1, 1_000_000));
    public static final ConfigKey<Integer> MAX_CONNECTIONS_PER_IP = key("max.connections.per.ip", "10",
            "connections at once from one address (exempt addresses have no limit)", true,
            ValueParsers.intRange(1, 1_000_000));
    public static final ConfigKey<List<InetAddress>> LIMITS_EXEMPT = key("limits.exempt", "",
            "comma-separated addresses free of per-address limits (bots, bridges); empty = none. Never a proxy's"
                    + " address: every user behind it would have no limits", true, ValueParsers::addressList);
    public static final ConfigKey<Integer> MAX_LINE_BYTES = key("max.line.bytes", "512",
            "longest line a client may send, CRLF included (IRC says 512); longer lines get 417", false,
            ValueParsers.intRange(64, 16384));
    public static final ConfigKey<Duration> PING_INTERVAL = key("ping.interval", "90s",
            "a client silent this long is sent PING", true,
            ValueParsers.duration(Duration.ofMillis(100), Duration.ofHours(1)));
    public static final ConfigKey<Duration> PING_TIMEOUT = key("ping.timeout", "60s",
            "a client that does not answer a PING in this time is dropped (Ping timeout)", true,
            ValueParsers.duration(Duration.ofMillis(100), Duration.ofHours(1)));
    public static final ConfigKey<Duration> REGISTRATION_TIMEOUT = key("registration.timeout", "30s",
            "a connection that has not sent NICK and USER in this time is closed", true,
            ValueParsers.duration(Duration.ofMillis(100), Duration.ofHours(1)));
    public static final ConfigKey<Integer> SENDQ_BYTES = key("sendq.bytes", "1048576",
            "bytes queued to one slow client before it is dropped (SendQ exceeded); too low drops users on bursts",
            false, ValueParsers.intRange(4096, 256 * 1024 * 1024));
    public static final ConfigKey<Integer> OUTPUT_BUDGET_BYTES = key("output.budget.bytes", "134217728",
            "bytes queued to all clients together; past it the clients holding the most are dropped (SendQ exceeded)"
                    + " until 3/4 of it is left; keep it well under the JVM's direct-memory limit"
                    + " (-XX:MaxDirectMemorySize, which chat-server.sh sets)", false,
            ValueParsers.intRange(1024 * 1024, Integer.MAX_VALUE));
    public static final ConfigKey<Boolean> ROOMS_USER_CREATE = key("rooms.user.create", "true",
            "whether users may create rooms by joining a name that does not exist", true, ValueParsers::bool);
    public static final ConfigKey<Integer> USER_MAX_ROOMS = key("user.max.rooms", "50",
            "rooms one user may be in at once (405 past it)", true, ValueParsers.intRange(1, 10_000));
    public static final ConfigKey<Optional<PasswordHash>> SERVER_PASSWORD = key("server.password", "",
            "hash of the password clients must send with PASS; empty = none (make one: chat-server --hash-password)",
            true, ServerConfigKeys::passwordHash);
    public static final ConfigKey<Integer> NICK_LENGTH = key("limit.nick.length", "30",
            "longest nick (005 NICKLEN)", false, ValueParsers.intRange(9, 64));
    public static final ConfigKey<Integer> ROOM_LENGTH = key("limit.room.length", "50",
            "longest room name (005 CHANNELLEN)", false, ValueParsers.intRange(10, 200));
    public static final ConfigKey<Integer> TOPIC_LENGTH = key("limit.topic.length", "390",
            "longest topic (005 TOPICLEN); longer ones are cut", false, ValueParsers.intRange(10, 400));
    public static final ConfigKey<Integer> AWAY_LENGTH = key("limit.away.length", "200",
            "longest away message (005 AWAYLEN); longer ones are cut", false, ValueParsers.intRange(10, 400));
    public static final ConfigKey<Integer> KICK_LENGTH = key("limit.kick.length", "255",
            "longest kick reason (005 KICKLEN); longer ones are cut", false, ValueParsers.intRange(10, 400));
    public static final ConfigKey<Double> FLOOD_RATE = key("flood.rate", "1",
            "commands per second a client may send once its burst is spent; 0 = no flood control (benchmarks only)",
            true, ValueParsers.decimalRange(0, 100_000));
    public static final ConfigKey<Integer> FLOOD_BURST = key("flood.burst", "10",
            "commands a client may send at once before flood.rate applies", true, ValueParsers.intRange(1, 100_000));
    public static final ConfigKey<Integer> FLOOD_MAX_QUEUED = key("flood.max.queued", "50",
            "commands held back for a flooding client before it is disconnected (Excess Flood)", true,
            ValueParsers.intRange(1, 100_000));
    public static final ConfigKey<List<InetAddress>> FLOOD_EXEMPT = key("flood.exempt", "",
            "comma-separated addresses free of flood control (bots, bridges, operators' tools); empty = none. Never"
                    + " a proxy's address: every user behind it could flood", true,
            ValueParsers::addressList);
    public static final ConfigKey<Integer> CONNECT_RATE_PER_IP = key("connect.rate.per.ip", "10",
            "new connections per second accepted from one address (exempt addresses have no limit)", true,
            ValueParsers.intRange(1, 1_000_000));
    public static final ConfigKey<Boolean> PLAIN_ENABLED = key("plain.enabled", "true",
            "whether the plain-text listener on 'port' is open; false = TLS only", false, ValueParsers::bool);
    public static final ConfigKey<Boolean> TLS_ENABLED = key("tls.enabled", "false",
            "whether the TLS listener on tls.port is open (needs tls.keystore)", false, ValueParsers::bool);
    public static final ConfigKey<Integer> TLS_PORT = key("tls.port", "6697",
            "TCP port for TLS clients (6697 is IRC's usual TLS port); 0 picks a free port", false,
            ValueParsers.intRange(0, 65535));
    public static final ConfigKey<Path> TLS_KEYSTORE = key("tls.keystore", "conf/chat-server.p12",
            "PKCS12 keystore with the server's key and certificate (make one: chat-server --generate-keystore)",
            false, ValueParsers::path);
    public static final ConfigKey<String> TLS_PASSWORD = key("tls.password", "",
            "keystore password; prefer tls.password.file so the password is not in this file", false,
            ValueParsers.text(256));
    public static final ConfigKey<String> TLS_PASSWORD_FILE = key("tls.password.file", "conf/tls.password",
            "file holding the keystore password (first line), used when tls.password is empty", false,
            ValueParsers.text(4096));
    public static final ConfigKey<Boolean> PROXY_PROTOCOL = key("proxy.protocol", "false",
            "whether connections to 'port' from proxy.trusted start with a PROXY protocol v1/v2 header naming the"
                    + " real client, whose address then counts for every limit", false, ValueParsers::bool);
    public static final ConfigKey<Boolean> TLS_PROXY_PROTOCOL = key("tls.proxy.protocol", "false",
            "the same for tls.port (the header comes before TLS, as HAProxy's send-proxy sends it)", false,
            ValueParsers::bool);
    public static final ConfigKey<List<InetAddress>> PROXY_TRUSTED = key("proxy.trusted", "",
            "comma-separated addresses of the proxies allowed to send a PROXY header; others connect as"
                    + " themselves; empty = none", false, ValueParsers::addressList);
    public static final ConfigKey<Boolean> HTTP_ENABLED = key("http.enabled", "true",
            "whether the HTTP listener (the web client at /, WebSocket at /socket, /health, /metrics) is open",
            false, ValueParsers::bool);
    public static final ConfigKey<Optional<InetAddress>> HTTP_BIND = key("http.bind", "",
            "address of the HTTP listener; empty = the same as bind", false, ServerConfigKeys::optionalAddress);
    public static final ConfigKey<Integer> HTTP_PORT = key("http.port", "8080",
            "TCP port of the HTTP listener; 0 picks a free port (logged at start)", false,
            ValueParsers.intRange(0, 65535));
    public static final ConfigKey<Boolean> HTTPS_ENABLED = key("https.enabled", "false",
            "whether an HTTPS listener on https.port serves the same as http.port, with tls.keystore", false,
            ValueParsers::bool);
    public static final ConfigKey<Integer> HTTPS_PORT = key("https.port", "8443",
            "TCP port of the HTTPS listener; 0 picks a free port", false, ValueParsers.intRange(0, 65535));
    public static final ConfigKey<List<String>> HTTP_ALLOWED_ORIGINS = key("http.allowed.origins", "",
            "comma-separated origins (https://chat.example.org) whose pages may open /socket; empty = the page's"
                    + " own host only; * = any site (DANGER: any page could chat as its visitors)", true,
            ServerConfigKeys::origins);
    public static final ConfigKey<List<InetAddress>> HTTP_TRUSTED_PROXIES = key("http.trusted.proxies", "",
            "comma-separated addresses of reverse proxies whose X-Forwarded-For/-Proto are believed; empty = none."
                    + " Every limit then counts the forwarded address", true, ValueParsers::addressList);
    public static final ConfigKey<Integer> HTTP_MAX_CONNECTIONS_PER_IP = key("http.max.connections.per.ip", "50",
            "plain HTTP connections (the page, its files, /health, /metrics) open at once from one address, not counted"
                    + " under max.connections.per.ip; a WebSocket counts there from its handshake on. limits.exempt and"
                    + " http.trusted.proxies addresses have no limit", true, ValueParsers.intRange(1, 1_000_000));
    public static final ConfigKey<Duration> HTTP_PING_INTERVAL = key("http.ping.interval", "30s",
            "WebSocket ping sent this often so reverse proxies keep quiet sockets open", false,
            ValueParsers.duration(Duration.ofMillis(100), Duration.ofHours(1)));
    public static final ConfigKey<Boolean> METRICS_ENABLED = key("metrics.enabled", "true",
            "whether GET /metrics answers (Prometheus text format)", false, ValueParsers::bool);
    public static final ConfigKey<Optional<InetAddress>> METRICS_BIND = key("metrics.bind", "",
            "empty = /metrics on the HTTP listener; an address (127.0.0.1) = /metrics only on its own listener"
                    + " there, on metrics.port", false, ServerConfigKeys::optionalAddress);
    public static final ConfigKey<Integer> METRICS_PORT = key("metrics.port", "9464",
            "TCP port of the metrics listener when metrics.bind is set; 0 picks a free port", false,
            ValueParsers.intRange(0, 65535));
    public static final ConfigKey<Map<String, PasswordHash>> OPER_ACCOUNTS = key("oper.accounts", "",
            "server operators for OPER: comma-separated NAME:HASH (hash from chat-server --hash-password); empty = none",
            true, ServerConfigKeys::operAccounts);
    public static final ConfigKey<List<String>> ROOMS_PERMANENT = key("rooms.permanent", "",
            "comma-separated rooms that always exist and keep their topic and modes across restarts (besides room.default)",
            false, ServerConfigKeys::roomList);
    public static final ConfigKey<Boolean> ADMIN_ENABLED = key("admin.enabled", "true",
            "whether the local admin socket (bin/chat-admin.sh) is open", false, ValueParsers::bool);
    public static final ConfigKey<Path> ADMIN_SOCKET = key("admin.socket", "run/chat-admin.sock",
            "admin socket path (Unix domain socket, owner-only); relative to the install folder", false,
            ValueParsers::path);
    public static final ConfigKey<Path> DATA_DIR = key("data.dir", "data",
            "folder for state kept across restarts (the database chatroom.db); relative to the install folder", false,
            ValueParsers::path);
    public static final ConfigKey<String> STORE_URL = key("store.url", "",
            "JDBC URL of the database: empty = jdbc:sqlite: and data.dir/chatroom.db; jdbc:sqlite:FILE; or"
                    + " jdbc:postgresql://HOST[:PORT]/DATABASE (credentials from store.user and store.password.file)",
            false, ServerConfigKeys::storeUrl);
    public static final ConfigKey<String> STORE_USER = key("store.user", "chatroom",
            "PostgreSQL user the daemon logs in as (store.url=jdbc:postgresql:...)", false, ValueParsers.text(63));
    public static final ConfigKey<String> STORE_PASSWORD_FILE = key("store.password.file", "",
            "file holding the PostgreSQL password of store.user (first line; keep it chmod 600); relative to the"
                    + " install folder; empty = no password (trust, peer or certificate authentication)", false,
            ValueParsers.text(4096));
    public static final ConfigKey<Integer> STORE_QUEUE = key("store.queue", "50000",
            "writes that may wait for the one database writer; past it a write fails at once (never a stall)",
            false, ValueParsers.intRange(16, 1_000_000));
    public static final ConfigKey<Integer> STORE_BATCH = key("store.batch", "5000",
            "most writes the writer commits in one transaction (it takes what is queued, up to this many)", false,
            ValueParsers.intRange(1, 100_000));
    public static final ConfigKey<Integer> STORE_READ_THREADS = key("store.read.threads", "2",
            "threads (and connections) reading the database: logins, lists", false, ValueParsers.intRange(1, 64));

    public static final ConfigKey<String> ACCOUNT_REGISTRATION = key("account.registration", "open",
            "who may create accounts: open = anyone with REGISTER, admin = only chat-admin account add, off = nobody",
            true, ServerConfigKeys::registrationPolicy);

    public static final ConfigKey<Duration> ACCOUNT_NICK_GRACE = key("account.nick.grace", "30s",
            "someone on a registered account's nick who is not logged in to it is told, and renamed to a guest nick"
                    + " after this long unless they log in", true,
            ValueParsers.duration(Duration.ofMillis(100), Duration.ofHours(1)));

    public static final ConfigKey<Boolean> HISTORY_ENABLED = key("history.enabled", "true",
            "whether room messages and events, and private messages between accounts, are stored (draft/chathistory)",
            false, ValueParsers::bool);
    public static final ConfigKey<Integer> HISTORY_MAX = key("history.max", "100",
            "most lines one CHATHISTORY request returns (005 CHATHISTORY=)", true, ValueParsers.intRange(1, 1000));
    public static final ConfigKey<Integer> HISTORY_REPLAY_LINES = key("history.replay.lines", "25",
            "lines played on JOIN to clients without draft/chathistory; 0 = none", true,
            ValueParsers.intRange(0, 1000));
    public static final ConfigKey<Duration> HISTORY_RETENTION = key("history.retention", "90d",
            "how long history is kept; older lines are deleted by a background job every history.purge.interval",
            true, ValueParsers.duration(Duration.ofMinutes(1), Duration.ofDays(36_500)));
    public static final ConfigKey<Integer> HISTORY_ROOM_MAX_LINES = key("history.room.max.lines", "0",
            "most lines kept per room (and per private talk), the oldest deleted first; 0 = no cap", true,
            ValueParsers.intRange(0, 100_000_000));
    public static final ConfigKey<Duration> HISTORY_PURGE_INTERVAL = key("history.purge.interval", "1h",
            "how often the retention job runs (first run one interval after start)", false,
            ValueParsers.duration(Duration.ofSeconds(1), Duration.ofDays(7)));

    public static final ConfigKey<Boolean> CLUSTER_ENABLED = key("cluster.enabled", "false",
            "whether this daemon is one node of several sharing users and rooms through Redis (cluster.redis.uri);"
                    + " needs store.url=jdbc:postgresql:... shared by every node", false, ValueParsers::bool);
    public static final ConfigKey<String> CLUSTER_REDIS_URI = key("cluster.redis.uri", "redis://127.0.0.1:6379",
            "the Redis every node shares: redis://HOST[:PORT][/DB]", false, ServerConfigKeys::redisUri);
    public static final ConfigKey<String> CLUSTER_NODE_ID = key("cluster.node.id", "",
            "this node's name in the cluster (1-32 of A-Z a-z 0-9 . _ -), unique per node; empty = the host name"
                    + " and port (set it when port=0)", false, ServerConfigKeys::nodeId);
    public static final ConfigKey<Boolean> CLUSTER_SHARED_LOOPS = key("cluster.redis.shared.loops", "false",
            "whether the Redis subscriptions run on this daemon's event loops (another node's event is delivered on the"
                    + " loop that read it, no hand-off) instead of Lettuce's own threads; commands always use Lettuce's,"
                    + " and so do subscriptions for rediss: or a transport other than Lettuce's", false, ValueParsers::bool);
    public static final ConfigKey<Duration> CLUSTER_LEASE = key("cluster.lease", "10s",
            "a node that has not renewed its lease in Redis for this long is dead: its users quit everywhere"
                    + " (*.net *.split) and their nicks are free", false,
            ValueParsers.duration(Duration.ofMillis(300), Duration.ofMinutes(10)));

    private ServerConfigKeys() {
    }

    private static String redisUri(String text) {
        if (!text.matches("rediss?://[^\\s]+")) {
            throw new IllegalArgumentException("is not a Redis URI (redis://HOST[:PORT][/DB], rediss:// for TLS)");
        }
        return text;
    }

    private static String nodeId(String text) {
        if (!text.isEmpty() && !text.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("is not a node id (1-32 of A-Z a-z 0-9 . _ -; empty = host name and port)");
        }
        return text;
    }

    private static <T> ConfigKey<T> key(String name, String def, String doc, boolean reloadable,
                                        java.util.function.Function<String, T> parser) {
        ConfigKey<T> k = new ConfigKey<>(name, def, doc, reloadable, parser);
        ALL.put(name, k);
        return k;
    }

    /** Every key in file order. */
    public static Map<String, ConfigKey<?>> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }

    private static String roomOrNone(String text) {
        return text.isEmpty() ? "" : room(text);
    }

    private static String room(String text) {
        String problem = NameRules.roomProblem(text, 50);
        if (problem != null) {
            throw new IllegalArgumentException("is not a room name: " + problem);
        }
        return text;
    }

    private static Map<String, PasswordHash> operAccounts(String text) {
        Map<String, PasswordHash> out = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String name = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!name.matches("[A-Za-z0-9_.-]{1,32}")) {
                throw new IllegalArgumentException("is not a list of NAME:HASH entries (name: letters, digits, '_', '.', '-')");
            }
            out.put(name, PasswordHash.parse(entry.substring(colon + 1).strip()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String registrationPolicy(String text) {
        if (!text.equals("open") && !text.equals("admin") && !text.equals("off")) {
            throw new IllegalArgumentException("is not one of open, admin, off");
        }
        return text;
    }

    private static String storeUrl(String text) {
        if (text.startsWith("jdbc:postgresql:")) {
            if (text.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]password=.*")) {
                // not badValue: the message must not repeat the password it refuses
                throw new ConfigException("store.url carries a password; put it in the file named by"
                        + " store.password.file instead, so it is in no URL, log or command line");
            }
            return text;
        }
        if (!text.isEmpty() && !text.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("is not a database URL we know (jdbc:sqlite:FILE,"
                    + " jdbc:postgresql://HOST[:PORT]/DATABASE; empty = data.dir/chatroom.db)");
        }
        return text;
    }

    private static List<String> roomList(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String r : text.split(",")) {
            if (!r.isBlank()) {
                out.add(room(r.strip()));
            }
        }
        return List.copyOf(out);
    }

    private static Optional<InetAddress> optionalAddress(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(ValueParsers.address(text));
    }

    private static List<String> origins(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String o : text.split(",")) {
            String origin = o.strip();
            if (origin.isEmpty()) {
                continue;
            }
            if (!origin.equals("*") && !origin.matches("(?i)https?://[a-z0-9.\\[\\]:-]+")) {
                throw new IllegalArgumentException("is not a list of origins (scheme://host[:port], e.g."
                        + " https://chat.example.org, or *)");
            }
            out.add(origin);
        }
        return List.copyOf(out);
    }

    private static Optional<PasswordHash> passwordHash(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(PasswordHash.parse(text));
    }
}
