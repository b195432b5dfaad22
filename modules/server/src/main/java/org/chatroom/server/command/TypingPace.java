package org.chatroom.server.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pace of one user's {@code +typing=active} notices (IRCv3 typing client tag): at most one per
 * target every 3 seconds, the interval the spec asks clients to keep. {@code paused} and
 * {@code done} always pass and end the interval. Remembers the last few targets only. Lane only.
 */
final class TypingPace {
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final int TARGETS = 16;

    private final Map<String, Long> lastActive = new LinkedHashMap<>(TARGETS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > TARGETS;
        }
    };

    /** Whether a notice in {@code state} to {@code target} (case-folded) at {@code nanos} may be relayed. */
    boolean allow(String target, String state, long nanos) {
        if (!"active".equals(state)) {
            lastActive.remove(target);
            return true;
        }
        Long previous = lastActive.get(target);
        if (previous != null && nanos - previous < INTERVAL_NANOS) {
            return false;
        }
        lastActive.put(target, nanos);
        return true;
    }
}
