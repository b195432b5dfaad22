package org.chatroom.server.admin;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.chatroom.protocol.Durations;

/**
 * The length word of {@code ban MASK [LENGTH] [REASON]}: a duration with its unit ({@code 30m},
 * {@code 2h}, {@code 7d}, {@code 1h30m}) or one of {@code 0}, {@code forever}, {@code permanent} for
 * a ban without end. A word that looks like a duration but is not one ({@code 5x},
 * {@code 999999999999999999d}) is an error, so a typo never turns into a permanent ban.
 */
final class BanDuration {
    private static final Set<String> FOREVER = Set.of("0", "forever", "permanent");
    private static final String FOR_GOOD = "for a ban without end write 0, forever or permanent";

    private BanDuration() {
    }

    /** True if {@code word} is meant as the length (valid or not), so it is not the start of the reason. */
    static boolean isLength(String word) {
        return FOREVER.contains(word.toLowerCase(Locale.ROOT)) || Durations.looksLikeOne(word);
    }

    /** The length {@code word} gives, or null for a ban without end. */
    static Duration parse(String word) throws AdminException {
        if (FOREVER.contains(word.toLowerCase(Locale.ROOT))) {
            return null;
        }
        Duration d;
        try {
            d = Durations.parse(word);
        } catch (IllegalArgumentException e) {
            throw bad("'" + word + "' " + e.getMessage() + "; " + FOR_GOOD);
        }
        if (!Durations.hasUnit(word)) {
            throw bad("'" + word + "' has no unit (" + word + "m? " + word + "h?); " + FOR_GOOD);
        }
        if (d.isZero()) {
            throw bad("a ban of " + word + " would end at once; " + FOR_GOOD);
        }
        return d;
    }

    private static AdminException bad(String message) {
        return new AdminException(AdminReply.BAD_VALUE, message);
    }
}
