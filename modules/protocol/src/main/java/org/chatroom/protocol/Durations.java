package org.chatroom.protocol;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of Chatroom, for configuration values and ban lengths alike, and its two
 * printed forms. A duration is a number with a unit ({@code ms}, {@code s}, {@code m}, {@code h},
 * {@code d}, {@code w}), or several run together ({@code 1h30m}, which is what {@link #human} prints);
 * a bare number is seconds. Case does not matter.
 */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d|w))+|\\d+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
    /** Anything a person could have meant as a duration: a digit first, then only letters and digits. */
    private static final Pattern SHAPE = Pattern.compile("[-+]?\\d[0-9a-z]*");
    /** Far beyond any sensible setting, and small enough that adding it to the epoch clock cannot overflow. */
    private static final Duration LONGEST = Duration.ofDays(1_000_000);
    public static final String GRAMMAR = "a number with ms, s, m, h, d or w, e.g. 90s, 30m, 2h, 7d, 1h30m";

    private Durations() {
    }

    /** True if {@code text} is written like a duration, valid or not ({@code 5x}, {@code 99999999999d} are). */
    public static boolean looksLikeOne(String text) {
        return SHAPE.matcher(text.toLowerCase(Locale.ROOT)).matches();
    }

    /** True if {@code text} names its unit, i.e. is not a bare number. */
    public static boolean hasUnit(String text) {
        return !text.chars().allMatch(Character::isDigit);
    }

    /**
     * Parses {@code text}; the message of the {@link IllegalArgumentException} reads after the value
     * ("'5x' is not a duration (…)") and says what is allowed.
     */
    public static Duration parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException("is not a duration (" + GRAMMAR + ")");
        }
        if (!hasUnit(t)) {
            return checked(number(t), 1000);
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long unitMillis = switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                case "d" -> 86_400_000;
                default -> 7 * 86_400_000L;
            };
            total = total.plus(checked(number(m.group(1)), unitMillis));
            if (total.compareTo(LONGEST) > 0) {
                throw tooLong();
            }
        }
        return total;
    }

    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw tooLong();
        }
    }

    private static Duration checked(long n, long unitMillis) {
        if (n > LONGEST.toMillis() / unitMillis) {
            throw tooLong();
        }
        return Duration.ofMillis(n * unitMillis);
    }

    private static IllegalArgumentException tooLong() {
        return new IllegalArgumentException("is too long a duration (at most " + LONGEST.toDays() + "d)");
    }

    /** The exact, shortest form for configuration values: {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1h}, {@code 7d}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = d.toSeconds();
        if (s > 0 && s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s > 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s > 0 && s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    /** A compact form for people, to two units, rounded down: {@code 45s}, {@code 1m02s}, {@code 1h02m}, {@code 3d04h}. */
    public static String human(long seconds) {
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

    /** {@link #human} for a duration, or {@link #format} when it has a fraction of a second. */
    public static String human(Duration d) {
        return d.toMillis() % 1000 != 0 ? format(d) : human(d.toSeconds());
    }
}
