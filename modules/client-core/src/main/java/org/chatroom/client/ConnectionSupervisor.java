package org.chatroom.client;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.protocol.IrcMessage;

/**
 * The life of a {@link ChatClient}'s connections: starts each attempt on a new reader thread, decides
 * after each end whether to reconnect (backoff on a scheduler thread, never a sleep) or stop for good,
 * and carries out quit and close. State changes happen under one lock; events are emitted outside it,
 * so a listener may call back into the client from any thread.
 */
final class ConnectionSupervisor {
    private static final Logger LOG = LogManager.getLogger();
    private static final Duration READER_JOIN = Duration.ofSeconds(3);

    private final ChatClient client;
    private final ClientConfig config;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Random random = new Random();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final CompletableFuture<ConnectionState> terminated = new CompletableFuture<>();

    private final Object lock = new Object();
    /** Guarded by lock. */
    private Session current;
    private Thread readerThread;
    private ScheduledFuture<?> pending;
    private boolean started;
    private boolean stopped;
    private int attempt;
    /** When the current outage began (System.nanoTime), and attempts made since it outgrew the steady phase. */
    private long outageSince;
    private int lateAttempts;
    private Set<String> rejoinRooms = new LinkedHashSet<>();

    private volatile ServerCertificate rejectedCertificate;
    private volatile boolean quitRequested;
    private volatile boolean closeRequested;

    ConnectionSupervisor(ChatClient client, ClientConfig config) {
        this.client = client;
        this.config = config;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "chat-client-" + config.server());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    CompletableFuture<String> connect() {
        synchronized (lock) {
            if (started || stopped) {
                return ready;
            }
            started = true;
        }
        startAttempt();
        return ready;
    }

    CompletableFuture<ConnectionState> terminated() {
        return terminated;
    }

    /** The current session if it is registered and open, else null. */
    Session live() {
        Session s;
        synchronized (lock) {
            s = current;
        }
        return s != null && s.isRegistered() ? s : null;
    }

    /** True while a connection is coming: started, and not stopped, quit or closed. */
    boolean underway() {
        synchronized (lock) {
            return started && !stopped && !quitRequested && !closeRequested;
        }
    }

    ServerCertificate rejectedCertificate() {
        return rejectedCertificate;
    }

    boolean quitRequested() {
        return quitRequested;
    }

    boolean closeRequested() {
        return closeRequested;
    }

    CompletableFuture<ConnectionState> quit(String reason) {
        Session s;
        synchronized (lock) {
            if (stopped) {
                return terminated;
            }
            quitRequested = true;
            cancelPending();
            s = current;
            if (s == null) {
                stopped = true;
            }
        }
        if (s == null) {
            finish(ConnectionState.disconnected(config.server(), "quit", DisconnectCause.USER_QUIT));
            return terminated;
        }
        if (s.isRegistered() && s.sendAnyway(reason.isEmpty() ? IrcMessage.of("QUIT") : IrcMessage.of("QUIT", reason))) {
            try {
                scheduler.schedule(s::close, config.quitTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                s.close();
            }
        } else {
            s.close();
        }
        return terminated;
    }

    void close() {
        Session s;
        Thread reader;
        boolean finishNow = false;
        synchronized (lock) {
            closeRequested = true;
            cancelPending();
            s = current;
            reader = readerThread;
            if (s == null && !stopped) {
                stopped = true;
                finishNow = true;
            }
        }
        if (s != null) {
            s.close();
        }
        if (finishNow) {
            finish(ConnectionState.disconnected(config.server(), "closed", DisconnectCause.CLOSED));
        }
        if (reader != null && reader != Thread.currentThread()) {
            try {
                reader.join(READER_JOIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        scheduler.shutdownNow();
    }

    /** Registration succeeded: the next lost connection starts counting attempts from 1 again. */
    void registered() {
        synchronized (lock) {
            attempt = 0;
            lateAttempts = 0;
        }
    }

    /** The session is welcomed and in its rooms; true if it is still the current one. */
    boolean ready(Session s, String nick) {
        synchronized (lock) {
            if (current != s) {
                return false;
            }
        }
        client.emit(ConnectionState.connected(config.server(), nick));
        ready.complete(nick);
        return true;
    }

    private void startAttempt() {
        Session s;
        int n;
        synchronized (lock) {
            pending = null;
            if (stopped) {
                return;
            }
            n = attempt;
            try {
                s = new Session(client, config, client.desiredNick(), new LinkedHashSet<>(rejoinRooms));
            } catch (IOException e) {
                s = null;
            }
            current = s;
        }
        if (s == null) {
            sessionEnded(null, new Session.End(false, false, "cannot create a socket", null));
            return;
        }
        client.emit(ConnectionState.connecting(config.server(), n));
        Session session = s;
        Thread t = new Thread(() -> sessionEnded(session, session.run()), "chat-reader-" + config.server());
        t.setDaemon(true);
        synchronized (lock) {
            readerThread = t;
        }
        t.start();
    }

    private void sessionEnded(Session s, Session.End end) {
        DisconnectCause cause = end.cause();
        int n = 0;
        Duration delay = Duration.ZERO;
        synchronized (lock) {
            if (current == s) {
                current = null;
            }
            Set<String> wereIn = client.members().clear();
            if (end.registered()) {
                rejoinRooms = wereIn;
            }
            if (stopped) {
                return;
            }
            if (cause == null && !config.reconnect()) {
                cause = end.connected() ? DisconnectCause.CONNECTION_LOST : DisconnectCause.CONNECT_FAILED;
            }
            if (cause != null) {
                stopped = true;
            } else {
                n = ++attempt;
                delay = nextDelay(n);
            }
        }
        if (cause != null) {
            LOG.debug("disconnected from {} for good: {} ({})", config.server(), end.reason(), cause);
            if (end.certificate() != null) {
                rejectedCertificate = end.certificate();
            }
            finish(ConnectionState.disconnected(config.server(), end.reason(), cause));
            return;
        }
        client.emit(ConnectionState.reconnecting(config.server(), n, delay, end.reason()));
        synchronized (lock) {
            if (!stopped) {
                pending = scheduler.schedule(this::startAttempt, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Guarded by lock: the delay before attempt {@code n} of this outage (n = 1 starts the outage). */
    private Duration nextDelay(int n) {
        long now = System.nanoTime();
        if (n == 1) {
            outageSince = now;
            lateAttempts = 0;
        }
        Duration outage = Duration.ofNanos(now - outageSince);
        ReconnectPolicy policy = config.reconnectPolicy();
        if (outage.compareTo(policy.steadyFor()) >= 0) {
            lateAttempts++;
        }
        return policy.delay(outage, lateAttempts, random);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void finish(ConnectionState state) {
        client.stoppedForGood();
        client.emit(state);
        ready.completeExceptionally(new ChatConnectException(state.reason(), state.cause(), rejectedCertificate));
        terminated.complete(state);
        scheduler.shutdown();
    }
}
