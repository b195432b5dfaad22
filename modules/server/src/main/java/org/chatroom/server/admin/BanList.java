package org.chatroom.server.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.Mask;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.AdmissionPolicy;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.store.BanRow;
import org.chatroom.server.store.ChatStore;

/**
 * The bans in force. Checking (at every registration, on an event loop) reads an immutable snapshot
 * without locking; changes are serialised on this object and saved through the {@link ChatStore}.
 * A ban that has ended simply stops matching; it is deleted from the database at the next start.
 * In a cluster, a ban set or lifted on another node is applied here as it was there (the other node
 * saved it in the shared store already).
 */
final class BanList implements AdmissionPolicy {
    private static final Logger LOG = LogManager.getLogger(AdminCommands.class);

    private final ChatStore store;
    private final ServerContext ctx;
    private volatile List<Ban> bans;

    BanList(ChatStore store, List<Ban> loaded, ServerContext ctx) {
        this.store = store;
        this.ctx = ctx;
        this.bans = List.copyOf(loaded);
    }

    @Override
    public String refusalReason(Client client) {
        Ban b = matching(client.prefix(), client.account(), System.currentTimeMillis());
        return b == null ? null : b.refusal();
    }

    /** The first ban in force that matches {@code nickUserHost} or {@code account} (null: not logged in), or null. */
    Ban matching(String nickUserHost, String account, long nowMillis) {
        for (Ban b : bans) {
            if (!b.expired(nowMillis) && b.mask().matches(nickUserHost, account)) {
                return b;
            }
        }
        return null;
    }

    /** Bans in force now, oldest first. */
    List<Ban> active(long nowMillis) {
        return bans.stream().filter(b -> !b.expired(nowMillis)).toList();
    }

    /** Adds {@code ban}, replacing one with the same mask; returns the save in progress. */
    synchronized CompletableFuture<Void> add(Ban ban) {
        put(ban);
        return store.putBan(row(ban));
    }

    /** Removes the ban on {@code mask}; null if there was none in force, else the save in progress. */
    synchronized CompletableFuture<Void> remove(Mask mask) {
        return drop(mask) ? store.deleteBan(mask.pattern()) : null;
    }

    private synchronized void put(Ban ban) {
        long now = System.currentTimeMillis();
        List<Ban> next = new ArrayList<>();
        for (Ban b : bans) {
            if (!b.expired(now) && !b.mask().equals(ban.mask())) {
                next.add(b);
            }
        }
        next.add(ban);
        bans = List.copyOf(next);
    }

    /** False if there was no ban on {@code mask} in force. */
    private synchronized boolean drop(Mask mask) {
        long now = System.currentTimeMillis();
        List<Ban> next = new ArrayList<>();
        boolean found = false;
        for (Ban b : bans) {
            if (b.mask().equals(mask)) {
                found |= !b.expired(now);
            } else if (!b.expired(now)) {
                next.add(b);
            }
        }
        if (found) {
            bans = List.copyOf(next);
        }
        return found;
    }

    @Override
    public void banSetElsewhere(BanRow row) {
        Ban ban;
        try {
            ban = Ban.of(row);
        } catch (IllegalArgumentException e) {
            LOG.warn("cluster: a ban from another node skipped: '{}' is not a mask", row.mask());
            return;
        }
        put(ban);
        int dropped = disconnect(ban, false);
        LOG.info("cluster: ban on {} set by {} on another node is in force here ({} users here disconnected)",
                ban.mask(), ban.setBy(), dropped);
    }

    @Override
    public void reread() {
        List<Ban> fresh = new ArrayList<>();
        for (BanRow row : store.loadBans()) {
            try {
                fresh.add(Ban.of(row));
            } catch (IllegalArgumentException e) {
                LOG.warn("a stored ban skipped: '{}' is not a mask", row.mask());
            }
        }
        List<Ban> before;
        synchronized (this) {
            before = bans;
            bans = List.copyOf(fresh);
        }
        int added = 0;
        for (Ban b : fresh) {
            if (before.stream().noneMatch(o -> o.mask().equals(b.mask()))) {
                added++;
                disconnect(b, false);
            }
        }
        int lifted = (int) before.stream().filter(o -> fresh.stream().noneMatch(b -> b.mask().equals(o.mask()))).count();
        if (added > 0 || lifted > 0) {
            LOG.info("cluster: bans read again after the outage: {} set and {} lifted elsewhere meanwhile", added, lifted);
        }
    }

    @Override
    public void banLiftedElsewhere(String mask) {
        try {
            if (drop(Mask.of(mask, ChatRegistry.MAPPING))) {
                LOG.info("cluster: ban on {} lifted on another node, lifted here too", mask);
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("cluster: an unban from another node skipped: '{}' is not a mask", mask);
        }
    }

    /**
     * Disconnects this node's registered users that {@code ban} matches; counts the matching users of
     * other nodes too if {@code countGhosts} (their own nodes disconnect them when they hear of the ban).
     */
    int disconnect(Ban ban, boolean countGhosts) {
        String server = ctx.config().get(ServerConfigKeys.SERVER_NAME);
        String reason = ban.reason().isEmpty() ? "Banned" : "Banned: " + ban.reason();
        int n = 0;
        for (Client c : ctx.registry().clients()) {
            if (!c.registered() || !ban.mask().matches(c.prefix(), c.account())) {
                continue;
            }
            if (!c.ghost()) {
                c.kick(server, reason);
                n++;
            } else if (countGhosts) {
                n++;
            }
        }
        return n;
    }

    static BanRow row(Ban b) {
        return new BanRow(b.mask().pattern(), AdminReply.oneLine(b.reason()), AdminReply.oneLine(b.setBy()),
                b.setAtMillis(), b.expiresAtMillis());
    }
}
