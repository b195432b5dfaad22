package org.chatroom.server.admin;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ban lengths as operators type them: {@code 90s}, {@code 30m}, {@code 2h}, {@code 7d}, {@code 2w}. */
final class BanDuration {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})(s|m|h|d|w)");

    private BanDuration() {
    }

    /** True if {@code text} is written like a duration (it may still be out of range). */
    static boolean looksLikeOne(String text) {
        return FORMAT.matcher(text.toLowerCase(Locale.ROOT)).matches();
    }

    static Duration parse(String text) throws AdminException {
        Matcher m = FORMAT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new AdminException(AdminReply.BAD_VALUE,
                    "'" + text + "' is not a duration (a number with s, m, h, d or w, e.g. 30m, 2h, 7d)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (d.isZero()) {
            throw new AdminException(AdminReply.BAD_VALUE, "a ban of 0 would end at once (leave the duration out for a permanent ban)");
        }
        return d;
    }

    /** Compact form for people: {@code 1h02m}, {@code 45s}, {@code 3d04h}. */
    static String format(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86400) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", seconds / 86400, seconds % 86400 / 3600);
    }
}
