package org.chatroom.server.state;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chatroom.protocol.Mask;

/**
 * A room's list of exception masks: ban exceptions (+e: matching users are never banned) or invite
 * exceptions (+I: matching users pass +i without an INVITE). Changed under the registry lock,
 * read lock-free; a change runs {@code onChange} (the room drops its cached ban answers).
 */
public final class ExceptionList {
    /** Most entries one list holds, as for bans. */
    public static final int MAX_ENTRIES = Room.MAX_BANS;

    private final List<BanEntry> entries = new CopyOnWriteArrayList<>();
    private final Runnable onChange;

    ExceptionList(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Read-only view, in the order set. */
    public List<BanEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public int size() {
        return entries.size();
    }

    /** Registry lock held. False when the mask is there already. */
    public boolean add(BanEntry entry) {
        if (entries.stream().anyMatch(e -> e.mask().equals(entry.mask()))) {
            return false;
        }
        entries.add(entry);
        onChange.run();
        return true;
    }

    /** Registry lock held. False when no such mask was set. */
    public boolean remove(Mask mask) {
        boolean removed = entries.removeIf(e -> e.mask().equals(mask));
        if (removed) {
            onChange.run();
        }
        return removed;
    }

    /** Whether any entry matches {@code prefix} ({@code nick!user@host}); {@code $a:} entries never match. */
    public boolean matches(String prefix) {
        return matches(prefix, null);
    }

    /** Whether any entry matches {@code prefix}, or, for a {@code $a:NAME} entry, {@code account} (null: not logged in). */
    public boolean matches(String prefix, String account) {
        for (BanEntry e : entries) {
            if (e.mask().matches(prefix, account)) {
                return true;
            }
        }
        return false;
    }
}
