package org.chatroom.server.admin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.chatroom.protocol.Mask;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.store.BanRow;

/**
 * One ban: a mask over {@code nick!user@host}, why, who set it when, and when it ends
 * ({@code expiresAtMillis} 0 = never).
 */
record Ban(Mask mask, String reason, String setBy, long setAtMillis, long expiresAtMillis) {

    /** The ban a stored row holds; IllegalArgumentException if its mask is not one. */
    static Ban of(BanRow row) {
        return new Ban(Mask.of(row.mask(), ChatRegistry.MAPPING), row.reason(), row.setBy(), row.setAtMillis(),
                row.expiresAtMillis());
    }

    boolean expired(long nowMillis) {
        return expiresAtMillis != 0 && nowMillis >= expiresAtMillis;
    }

    /** What the refused user is told: the reason and, for a timed ban, until when. */
    String refusal() {
        String why = reason.isEmpty() ? "banned" : reason;
        return expiresAtMillis == 0 ? why : why + " (until " + Instant.ofEpochMilli(expiresAtMillis).truncatedTo(ChronoUnit.SECONDS) + ")";
    }
}
