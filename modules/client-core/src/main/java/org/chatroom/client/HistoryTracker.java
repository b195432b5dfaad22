package org.chatroom.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.chatroom.protocol.NameRules;

/**
 * What a {@link ChatClient} has seen of each conversation, across its connections: the newest and
 * the oldest line's server time (where a gap fill starts and the next older page ends) and the
 * msgids of recent lines, so a line that came live and again from history is shown once.
 * Thread-safe: the reader thread records, a user's thread asks for an older page.
 */
final class HistoryTracker {
    /** msgids remembered per conversation: more than a page of gap fill or history. */
    static final int MSGIDS_KEPT = 2000;

    private final UnaryOperator<String> fold;
    private final Map<String, Seen> byTarget = new HashMap<>();

    private static final class Seen {
        final String name;
        Instant newest;
        Instant oldest;
        final LinkedHashSet<String> msgids = new LinkedHashSet<>();

        Seen(String name) {
            this.name = name;
        }
    }

    /** @param fold the server's case folding of names, so #Dev and #dev are one conversation */
    HistoryTracker(UnaryOperator<String> fold) {
        this.fold = fold;
    }

    /**
     * Records a line of {@code target} said at {@code time}; false if its msgid was seen before (then
     * it is a repeat and should not be shown again). A null msgid is never a repeat.
     */
    synchronized boolean seen(String target, Instant time, String msgid) {
        Seen s = byTarget.computeIfAbsent(fold.apply(target), k -> new Seen(target));
        if (msgid != null && !msgid.isEmpty()) {
            if (!s.msgids.add(msgid)) {
                return false;
            }
            if (s.msgids.size() > MSGIDS_KEPT) {
                Iterator<String> eldest = s.msgids.iterator();
                eldest.next();
                eldest.remove();
            }
        }
        if (s.newest == null || time.isAfter(s.newest)) {
            s.newest = time;
        }
        if (s.oldest == null || time.isBefore(s.oldest)) {
            s.oldest = time;
        }
        return true;
    }

    /** The newest line seen in {@code target}, or null if none. */
    synchronized Instant newest(String target) {
        Seen s = byTarget.get(fold.apply(target));
        return s == null ? null : s.newest;
    }

    /** The oldest line seen in {@code target}, or null if none. */
    synchronized Instant oldest(String target) {
        Seen s = byTarget.get(fold.apply(target));
        return s == null ? null : s.oldest;
    }

    /** The private conversations (not rooms) with a line seen, by the name first seen. */
    synchronized List<String> privateTargets() {
        List<String> out = new ArrayList<>();
        for (Seen s : byTarget.values()) {
            if (s.newest != null && !NameRules.isRoomName(s.name)) {
                out.add(s.name);
            }
        }
        return out;
    }
}
