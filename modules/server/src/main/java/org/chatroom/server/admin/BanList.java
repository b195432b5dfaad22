package org.chatroom.server.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.chatroom.protocol.Mask;
import org.chatroom.server.context.AdmissionPolicy;
import org.chatroom.server.state.Client;
import org.chatroom.server.store.BanRow;
import org.chatroom.server.store.ChatStore;

/**
 * The bans in force. Checking (at every registration, on an event loop) reads an immutable snapshot
 * without locking; changes are serialised on this object and saved through the {@link ChatStore}.
 * A ban that has ended simply stops matching; it is deleted from the database at the next start.
 */
final class BanList implements AdmissionPolicy {
    private final ChatStore store;
    private volatile List<Ban> bans;

    BanList(ChatStore store, List<Ban> loaded) {
        this.store = store;
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
        long now = System.currentTimeMillis();
        List<Ban> next = new ArrayList<>();
        for (Ban b : bans) {
            if (!b.expired(now) && !b.mask().equals(ban.mask())) {
                next.add(b);
            }
        }
        next.add(ban);
        bans = List.copyOf(next);
        return store.putBan(row(ban));
    }

    /** Removes the ban on {@code mask}; null if there was none in force, else the save in progress. */
    synchronized CompletableFuture<Void> remove(Mask mask) {
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
        if (!found) {
            return null;
        }
        bans = List.copyOf(next);
        return store.deleteBan(mask.pattern());
    }

    static BanRow row(Ban b) {
        return new BanRow(b.mask().pattern(), AdminReply.oneLine(b.reason()), AdminReply.oneLine(b.setBy()),
                b.setAtMillis(), b.expiresAtMillis());
    }
}
