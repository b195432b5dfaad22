package org.chatroom.server.admin;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.Durations;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.context.ServerStartException;

/**
 * The admin socket: a Unix domain socket only the daemon's user can use (folder 0700 when we make
 * it, socket 0600, and the peer's uid checked with SO_PEERCRED). Accepts on a thread of its own,
 * serves each connection on its own thread, closes idle connections, and removes the file on close.
 * None of this runs on the Netty event loops.
 */
final class AdminSocket implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    static final int MAX_CONNECTIONS = 16;
    /** When every slot is taken, a connection idle this long gives its slot to a new one. */
    static final Duration IDLE_WHEN_FULL = Duration.ofSeconds(5);

    private final Path path;
    private final ServerSocketChannel server;
    private final AdminCommands commands;
    private final ServerContext context;
    private final Duration idleTimeout;
    private final Duration idleWhenFull;
    private final UserPrincipal owner;
    private final Set<AdminSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "admin-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "admin-idle");
        t.setDaemon(true);
        return t;
    });
    private final Thread acceptor;
    private volatile boolean closed;

    private AdminSocket(Path path, ServerSocketChannel server, AdminCommands commands, ServerContext context,
                        Duration idleTimeout, Duration idleWhenFull, UserPrincipal owner) {
        this.path = path;
        this.idleWhenFull = idleWhenFull;
        this.server = server;
        this.commands = commands;
        this.context = context;
        this.idleTimeout = idleTimeout;
        this.owner = owner;
        this.acceptor = new Thread(this::acceptLoop, "admin-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds the socket at {@code path}. A file left there by a daemon that died is replaced; if a
     * daemon answers on it, or the path is something other than a socket, this throws
     * {@link ServerStartException} with a one-line reason.
     */
    static AdminSocket open(Path path, AdminCommands commands, ServerContext context, Duration idleTimeout) {
        return open(path, commands, context, idleTimeout, IDLE_WHEN_FULL);
    }

    static AdminSocket open(Path path, AdminCommands commands, ServerContext context, Duration idleTimeout,
                            Duration idleWhenFull) {
        try {
            prepareFolder(path.getParent());
            clearStale(path);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(path));
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                UserPrincipal owner = Files.getOwner(path);
                AdminSocket s = new AdminSocket(path, server, commands, context, idleTimeout, idleWhenFull, owner);
                s.startThreads();
                return s;
            } catch (IOException | RuntimeException e) {
                server.close();
                Files.deleteIfExists(path);
                throw e;
            }
        } catch (IOException e) {
            throw new ServerStartException("cannot open the admin socket " + path + ": " + e.getMessage());
        }
    }

    /** Creates the folder owner-only if it is missing; an existing folder is left as the operator made it. */
    private static void prepareFolder(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // The umask may have taken bits away from the mode asked for; set it exactly.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private static void clearStale(Path path) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if (!attrs.isOther()) {
            throw new ServerStartException("admin.socket " + path + " exists and is not a socket; move it away or set admin.socket=");
        }
        boolean answered;
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            answered = probe.isConnected();
        } catch (IOException refused) {
            answered = false;
        }
        if (answered) {
            throw new ServerStartException("another chat-server is already running: its admin socket " + path
                    + " answers (stop it first, or give this one another admin.socket= and port=)");
        }
        LOG.info("removing the stale admin socket {} (no daemon answers on it)", path);
        Files.deleteIfExists(path);
    }

    private void startThreads() {
        acceptor.start();
        long tick = Math.max(50, idleTimeout.toMillis() / 4);
        reaper.scheduleWithFixedDelay(this::closeIdle, tick, tick, TimeUnit.MILLISECONDS);
        LOG.info("admin socket open at {}", path);
    }

    Path path() {
        return path;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("the admin socket stopped accepting: {}", e.toString());
                }
                return;
            }
            String who = peer(ch);
            AdminSession session = new AdminSession(ch, commands, context, threads, who == null ? "?" : who);
            if (who == null) {
                refuse(session, AdminReply.error(AdminReply.CLOSING,
                        org.chatroom.protocol.admin.AdminWire.ACCESS_DENIED + ": only the daemon's user may use this socket"));
                continue;
            }
            if (sessions.size() >= MAX_CONNECTIONS && !freeIdlestSlot()) {
                LOG.warn("refused an admin connection: {} are open already", MAX_CONNECTIONS);
                refuse(session, AdminReply.error(AdminReply.CLOSING, "too many admin connections (" + MAX_CONNECTIONS + ")"));
                continue;
            }
            sessions.add(session);
            try {
                threads.execute(() -> {
                    try {
                        session.run();
                    } finally {
                        sessions.remove(session);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                session.close();
                sessions.remove(session);
            }
        }
    }

    /**
     * Closes the connection idle the longest, if it has been idle past {@code idleWhenFull}, so that
     * connections left open (a script, a forgotten console) cannot lock the operator out until the
     * idle timeout. True if a slot was freed.
     */
    private boolean freeIdlestSlot() {
        long now = System.nanoTime();
        AdminSession idlest = null;
        for (AdminSession s : sessions) {
            if (idlest == null || s.idleNanos(now) > idlest.idleNanos(now)) {
                idlest = s;
            }
        }
        if (idlest == null || idlest.idleNanos(now) <= idleWhenFull.toNanos()) {
            return false;
        }
        long ms = idlest.idleNanos(now) / 1_000_000;
        String span = Durations.human(ms >= 1000 ? Duration.ofSeconds(ms / 1000) : Duration.ofMillis(ms));
        sessions.remove(idlest);
        AdminSession closing = idlest;
        LOG.info("admin ({}): closing a connection idle for {}: all {} admin connections were taken and another one"
                + " was waiting", closing.who(), span, MAX_CONNECTIONS);
        AdminReply bye = AdminReply.error(AdminReply.CLOSING, "closed after " + span + " idle: all " + MAX_CONNECTIONS
                + " admin connections were taken and another one was waiting");
        try {
            threads.execute(() -> closing.closeWith(bye)); // not on this thread: the peer may not be reading
        } catch (java.util.concurrent.RejectedExecutionException e) {
            closing.close();
        }
        return true;
    }

    private void refuse(AdminSession session, AdminReply reply) {
        try {
            threads.execute(() -> session.refuse(reply, Duration.ofSeconds(2)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            session.close();
        }
    }

    /** The peer's user name if it is the daemon's own user, else null (logged). */
    private String peer(SocketChannel ch) {
        try {
            UnixDomainPrincipal p = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!p.user().equals(owner)) {
                LOG.warn("refused an admin connection from user {}: only {} may administer this daemon", p.user().getName(), owner.getName());
                return null;
            }
            return p.user().getName();
        } catch (UnsupportedOperationException | IOException e) {
            // No peer credentials on this platform: the socket's 0600 mode is the only guard.
            return owner.getName();
        }
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (AdminSession s : sessions) {
            if (s.idleNanos(now) > idleTimeout.toNanos()) {
                String span = Durations.human(idleTimeout);
                LOG.info("admin ({}): closing a connection idle for {}", s.who(), span);
                s.closeWith(AdminReply.error(AdminReply.CLOSING, "idle timeout (" + span + "), closing"));
            }
        }
    }

    /** Stops accepting, closes every admin connection and removes the socket file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the admin socket: {}", e.toString());
        }
        reaper.shutdownNow();
        for (AdminSession s : sessions) {
            s.closeWith(AdminReply.error(AdminReply.CLOSING, "the daemon is shutting down"));
        }
        threads.shutdownNow();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot remove the admin socket {}: {}", path, e.toString());
        }
        LOG.info("admin socket closed");
    }
}
