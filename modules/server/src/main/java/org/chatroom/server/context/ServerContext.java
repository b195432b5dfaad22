package org.chatroom.server.context;

import java.util.List;
import org.chatroom.server.auth.PasswordVerifier;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.core.ServerStats;
import org.chatroom.server.state.ChatRegistry;

/**
 * What every connection's handler shares: the live configuration (swapped whole on reload), the
 * registry, the counters and the texts sent at registration.
 */
public final class ServerContext {
    private final ChatRegistry registry;
    private final ServerStats stats;
    private final String version;
    private final long createdAtMillis = System.currentTimeMillis();
    private volatile ServerConfig config;
    private volatile List<String> motd;
    private volatile boolean shuttingDown;
    private volatile RoomStateListener roomStateListener;
    private final org.chatroom.server.event.ChatEvents events = new org.chatroom.server.event.ChatEvents();
    private volatile AdmissionPolicy admission = client -> null;
    private final PasswordVerifier passwords = PasswordVerifier.forThisMachine();
    private final HistoryRecorder history;

    public ServerContext(ServerConfig config, List<String> motd, ChatRegistry registry, ServerStats stats,
                         String version) {
        this.config = config;
        this.motd = motd;
        this.registry = registry;
        this.stats = stats;
        this.version = version;
        this.history = new HistoryRecorder(stats);
    }

    private volatile Cluster cluster = Cluster.OFF;

    /** The other daemons of a cluster; {@link Cluster#OFF} for a daemon alone. */
    public Cluster cluster() {
        return cluster;
    }

    /** Set by the server at start, before anyone connects. */
    public void cluster(Cluster c) {
        this.cluster = c;
    }

    /** Where lines go to be kept (draft/chathistory), and each target's clock. */
    public HistoryRecorder history() {
        return history;
    }

    public ServerConfig config() {
        return config;
    }

    /** MOTD lines, or null when there is none (422). */
    public List<String> motd() {
        return motd;
    }

    /** Applies a reloaded configuration; keys that need a restart keep their old effect. */
    public void update(ServerConfig newConfig, List<String> newMotd) {
        this.config = newConfig;
        this.motd = newMotd;
    }

    /** Set once the server starts closing: quits are then not broadcast to users who are leaving too. */
    public boolean shuttingDown() {
        return shuttingDown;
    }

    public void markShuttingDown() {
        this.shuttingDown = true;
    }

    /** Observers of what happens (the admin monitor). */
    public org.chatroom.server.event.ChatEvents events() {
        return events;
    }

    /** Decides at registration whether a user may stay (bans); the default lets everyone in. */
    public AdmissionPolicy admission() {
        return admission;
    }

    public void admission(AdmissionPolicy policy) {
        this.admission = policy;
    }

    /** Called after a room's modes, topic or bans changed, so permanent rooms can be saved. */
    public void roomChanged(org.chatroom.server.state.Room room) {
        RoomStateListener l = roomStateListener;
        if (l != null && room.configured()) {
            l.changed(room);
        }
    }

    public void roomStateListener(RoomStateListener l) {
        this.roomStateListener = l;
    }

    /** Persists permanent rooms' state; set by the server at start. */
    @FunctionalInterface
    public interface RoomStateListener {
        void changed(org.chatroom.server.state.Room room);
    }

    private volatile java.util.function.Consumer<Throwable> fatal = t -> { };

    /** What to do after an error the daemon must not survive (the daemon's main exits). */
    public void onFatal(java.util.function.Consumer<Throwable> handler) {
        this.fatal = handler;
    }

    /** Reports an error the process must not go on after (out of memory): logged, then the handler runs. */
    public void fatal(Throwable error) {
        org.apache.logging.log4j.LogManager.getLogger().fatal("cannot go on after {}; stopping", error.toString(), error);
        fatal.accept(error);
    }

    /** Where password checks run: never on an event loop. */
    private volatile org.chatroom.server.store.ChatStore store;

    /** The durable store (accounts, bans, permanent rooms); set by the server before anyone connects. */
    public org.chatroom.server.store.ChatStore store() {
        return store;
    }

    public void store(org.chatroom.server.store.ChatStore s) {
        this.store = s;
    }

    public PasswordVerifier passwords() {
        return passwords;
    }

    public ChatRegistry registry() {
        return registry;
    }

    public ServerStats stats() {
        return stats;
    }

    public String version() {
        return version;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }
}
