package org.chatroom.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.admin.AdminService;
import org.chatroom.server.admin.ServerControl;
import org.chatroom.server.cluster.SharedLoops;
import org.chatroom.server.context.Motd;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.core.ServerStats;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.net.ChatChannelInitializer;
import org.chatroom.server.net.NetResources;
import org.chatroom.server.net.ReceiveBuffers;
import org.chatroom.server.net.Transport;
import org.chatroom.server.net.TransportChoice;
import org.chatroom.server.tls.TlsContextFactory;
import org.chatroom.server.web.WebServer;
import io.netty.handler.ssl.SslContext;
import org.chatroom.server.persist.PermanentRooms;
import org.chatroom.server.store.ChatStore;
import org.chatroom.server.store.StoreException;
import org.chatroom.server.state.Topic;

/**
 * The daemon: binds the listener, owns the event loops and the shared state, and shuts down in
 * the right order (stop accepting, tell every client, close them, stop the loops).
 */
public final class ChatServer implements AutoCloseable, ServerControl {
    private static final Logger LOG = LogManager.getLogger();

    private final ServerContext context;
    private final ChannelGroup channels = new DefaultChannelGroup("clients", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;
    private Channel tlsListener;
    private AdminService admin;
    private NetResources net;
    private TransportChoice transport;
    private WebServer web;
    private volatile boolean ready;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private volatile Supplier<ServerConfig> configSource;
    private volatile boolean closed;
    private final ChatStore store;
    private org.chatroom.server.cluster.RedisCluster cluster; // null when cluster.enabled=false
    private final org.chatroom.server.persist.HistoryRetention retention;
    /** The database under data.dir when store.url is empty. */
    public static final String DATABASE_FILE = "chatroom.db";

    public ChatServer(ServerConfig config) {
        ServerStats stats = new ServerStats();
        ChatRegistry registry = new ChatRegistry();
        this.context = new ServerContext(config, Motd.load(config), registry, stats, version());
        long now = System.currentTimeMillis() / 1000;
        String defaultRoom = config.get(ServerConfigKeys.DEFAULT_ROOM);
        if (!defaultRoom.isEmpty()) { // empty: no default room, so nothing exists that nobody made
            registry.rooms().configure(defaultRoom,
                    new Topic(config.get(ServerConfigKeys.DEFAULT_TOPIC), config.get(ServerConfigKeys.SERVER_NAME), now));
        }
        for (String name : config.get(ServerConfigKeys.ROOMS_PERMANENT)) {
            registry.rooms().configure(name, Topic.none());
        }
        this.store = StoreOpener.open(config);
        context.store(store);
        PermanentRooms rooms = new PermanentRooms(store);
        try {
            rooms.restore(registry.rooms(), config.path(ServerConfigKeys.DATA_DIR));
        } catch (java.io.IOException | RuntimeException e) {
            store.close();
            throw new ServerStartException("cannot restore the permanent rooms: " + e.getMessage());
        }
        context.roomStateListener(rooms::save);
        this.retention = new org.chatroom.server.persist.HistoryRetention(context);
        if (config.get(ServerConfigKeys.HISTORY_ENABLED)) {
            try {
                context.history().start(store, store.loadLatestHistoryTime());
                retention.start(config.get(ServerConfigKeys.HISTORY_PURGE_INTERVAL));
            } catch (StoreException e) {
                store.close();
                throw new ServerStartException("cannot read the history: " + e.getMessage());
            }
        }
    }

    /** The history retention job (tests run a pass at once). */
    public org.chatroom.server.persist.HistoryRetention retention() {
        return retention;
    }

    /** What to do after an error the process must not survive; Main exits. */
    public ChatServer onFatal(java.util.function.Consumer<Throwable> handler) {
        context.onFatal(handler);
        return this;
    }

    /** Binds and starts serving. Throws {@link ServerStartException} with a one-line reason if it cannot. */
    public synchronized ChatServer start() {
        ServerConfig cfg = context.config();
        if ((cfg.get(ServerConfigKeys.PROXY_PROTOCOL) || cfg.get(ServerConfigKeys.TLS_PROXY_PROTOCOL))
                && cfg.get(ServerConfigKeys.PROXY_TRUSTED).isEmpty()) {
            close(); // the database is open since the constructor
            throw new ServerStartException("proxy.protocol needs proxy.trusted: the addresses of the proxies that"
                    + " send PROXY headers (anyone else could claim any address)");
        }
        try {
            // first: an explicit transport this machine cannot run is a config error, found before anything opens
            transport = TransportChoice.choose(cfg.get(ServerConfigKeys.TRANSPORT));
        } catch (ServerStartException e) {
            close();
            throw e;
        }
        try {
            admin = AdminService.start(this); // bans, and the admin socket (refuses if a live daemon answers on it)
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        IoHandlerFactory io = transport.transport().ioHandlerFactory();
        Class<? extends ServerChannel> channelType = transport.transport().serverChannel();
        int threads = NetResources.workerThreads(cfg.get(ServerConfigKeys.WORKER_THREADS),
                Runtime.getRuntime().availableProcessors());
        boss = new MultiThreadIoEventLoopGroup(1, io);
        workers = new MultiThreadIoEventLoopGroup(threads, io);
        try {
            // before any listener: the first user is already a cluster's; after the loops: it may subscribe on
            // them (cluster.redis.shared.loops), and close() ends Redis before it stops them
            cluster = ClusterStarter.start(context, new SharedLoops(workers, transport.transport().socketChannel()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        int sendq = cfg.get(ServerConfigKeys.SENDQ_BYTES);
        InetAddress bind = cfg.get(ServerConfigKeys.BIND);
        net = new NetResources(context, workers, boss);
        try {
            boolean https = cfg.get(ServerConfigKeys.HTTP_ENABLED) && cfg.get(ServerConfigKeys.HTTPS_ENABLED);
            SslContext tls = cfg.get(ServerConfigKeys.TLS_ENABLED) || https ? TlsContextFactory.create(cfg) : null;
            if (cfg.get(ServerConfigKeys.HTTP_ENABLED)) {
                // built before any listener binds: loading the client's files and the metrics takes a
                // moment, and a client that connects at once must not find the rest still starting
                web = new WebServer(context, net, channels, () -> ready && !context.shuttingDown());
            }
            if (cfg.get(ServerConfigKeys.PLAIN_ENABLED)) {
                listener = bind(channelType, sendq, new InetSocketAddress(bind, cfg.port()),
                        new ChatChannelInitializer(net, channels, null, cfg.get(ServerConfigKeys.PROXY_PROTOCOL)));
            }
            if (cfg.get(ServerConfigKeys.TLS_ENABLED)) {
                tlsListener = bind(channelType, sendq, new InetSocketAddress(bind, cfg.get(ServerConfigKeys.TLS_PORT)),
                        new ChatChannelInitializer(net, channels, tls, cfg.get(ServerConfigKeys.TLS_PROXY_PROTOCOL)));
            }
            if (web != null) {
                web.start((address, init) -> bind(channelType, sendq, address, init), bind, tls); // close() undoes a half start
            }
            if (listener == null && tlsListener == null && web == null) {
                throw new ServerStartException(
                        "plain.enabled=false, tls.enabled=false and http.enabled=false: nothing to listen on");
            }
        } catch (ServerStartException e) {
            close();
            throw e;
        }
        LOG.info("Chatroom {} listening on {} (config {}, {} worker threads, transport {})", context.version(),
                describeListeners(bind), cfg.source(), threads, transport.describe());
        ready = true;
        return this;
    }

    private Channel bind(Class<? extends ServerChannel> channelType, int sendq, InetSocketAddress address,
                         io.netty.channel.ChannelHandler initializer) {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, ReceiveBuffers.forClients())
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(sendq / 2, sendq))
                .childHandler(initializer);
        try {
            return b.bind(address).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new ServerStartException("cannot listen on " + address.getAddress().getHostAddress() + ":"
                    + address.getPort() + ": " + describeBindFailure(e)
                    + " (choose another with --port, port=, tls.port=, http.port=, https.port= or metrics.port=)");
        }
    }

    private String describeListeners(InetAddress bind) {
        String host = bind.getHostAddress();
        StringBuilder sb = new StringBuilder();
        if (listener != null) {
            sb.append(host).append(':').append(port());
        }
        if (tlsListener != null) {
            sb.append(sb.length() > 0 ? " and " : "").append(host).append(':').append(tlsPort()).append(" (TLS)");
        }
        if (web != null) {
            sb.append(sb.length() > 0 ? " and " : "").append(web.describe());
        }
        return sb.toString();
    }

    /** The bound port (the real one when the config said 0). */
    public int port() {
        if (listener == null) {
            throw new IllegalStateException("the plain listener is off (plain.enabled=false)");
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The bound TLS port; only when tls.enabled. */
    public int tlsPort() {
        if (tlsListener == null) {
            throw new IllegalStateException("the TLS listener is off (tls.enabled=false)");
        }
        return ((InetSocketAddress) tlsListener.localAddress()).getPort();
    }

    /** The HTTP listeners (web client, WebSocket, health, metrics); only when http.enabled. */
    public WebServer web() {
        if (web == null) {
            throw new IllegalStateException("the HTTP listener is off (http.enabled=false)");
        }
        return web;
    }

    /** The transport every listener runs on; only once started. */
    public Transport transport() {
        if (transport == null) {
            throw new IllegalStateException("not started");
        }
        return transport.transport();
    }

    /** This node's side of the cluster, or null when cluster.enabled=false. */
    public org.chatroom.server.cluster.RedisCluster cluster() {
        return cluster;
    }

    @Override
    public ServerContext context() {
        return context;
    }

    public ChatRegistry registry() {
        return context.registry();
    }

    public ServerStats stats() {
        return context.stats();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Completes when {@link #close()} has finished (the admin {@code shutdown} command closes from its own thread). */
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    /** Where the admin {@code reload} command re-reads the configuration from (the file plus command-line overrides). */
    public ChatServer configSource(Supplier<ServerConfig> source) {
        this.configSource = source;
        return this;
    }

    /** The configuration source for reload, or null when the server was built from a map. */
    @Override
    public Supplier<ServerConfig> configSource() {
        return configSource;
    }

    /** Stops accepting, tells every client the server is going away, closes them, stops the loops. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.markShuttingDown();
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close(); // the other nodes drop this node's users at once, not after the lease; the loops still run
        }
        LOG.info("shutting down: closing {} connections", channels.size());
        for (Channel l : new Channel[] {listener, tlsListener}) {
            if (l != null) {
                l.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
        }
        if (web != null) {
            web.closeListeners();
        }
        byte[] bye = "ERROR :Closing link: server shutting down\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (Channel ch : channels) {
            ch.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(bye)).addListener(f -> ch.close());
        }
        channels.newCloseFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        if (web != null) {
            web.closeConnections();
        }
        if (net != null) {
            net.close();
        }
        shutdownLoops();
        retention.close();
        store.close(); // after the loops: every write they queued is committed before the file closes
        context.passwords().close();
        LOG.info("stopped");
        closeFuture.complete(null);
    }

    private void shutdownLoops() {
        if (workers != null) {
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.terminationFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    private static String describeBindFailure(Exception e) {
        String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (msg.contains("already in use")) {
            return "address already in use";
        }
        if (msg.contains("cannot assign requested address")) {
            return "that address is not on this machine";
        }
        if (msg.contains("permission denied")) {
            return "permission denied (ports below 1024 need privileges)";
        }
        return e.getMessage();
    }

    /** The version from the jar manifest, or "dev" when running from classes. */
    public static String version() {
        String v = ChatServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

}
