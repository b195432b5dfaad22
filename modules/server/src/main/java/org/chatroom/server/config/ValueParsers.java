package org.chatroom.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.chatroom.protocol.Durations;

/** Parsers for the value types of the configuration; each message says what is allowed. */
final class ValueParsers {
    private static final Pattern LITERAL_ADDRESS = Pattern.compile("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private ValueParsers() {
    }

    static Function<String, Integer> intRange(int min, int max) {
        return text -> {
            int v;
            try {
                v = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a whole number (" + min + "-" + max + ")");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException("is out of range (" + min + "-" + max + ")");
            }
            return v;
        };
    }

    static Function<String, Double> decimalRange(double min, double max) {
        return text -> {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a number (" + (long) min + "-" + (long) max + ")");
            }
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException("is out of range (" + (long) min + "-" + (long) max + ")");
            }
            return v;
        };
    }

    static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("is not a boolean (true or false)");
        };
    }

    /** A duration in the one grammar of {@link Durations} ({@code 90}, {@code 90s}, {@code 500ms}, {@code 2m}); bare numbers are seconds. */
    static Function<String, Duration> duration(Duration min, Duration max) {
        return text -> {
            Duration d = Durations.parse(text);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException("is out of range (" + Durations.format(min) + "-" + Durations.format(max) + ")");
            }
            return d;
        };
    }

    /** A literal IP address only: a name would need DNS at start-up, which may hang or change. */
    static InetAddress address(String text) {
        if (!LITERAL_ADDRESS.matcher(text).matches()) {
            throw new IllegalArgumentException("is not an IP address (e.g. 0.0.0.0, 127.0.0.1 or ::)");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("is not an IP address (e.g. 0.0.0.0, 127.0.0.1 or ::)");
        }
    }

    static List<InetAddress> addressList(String text) {
        List<InetAddress> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(address(part.strip()));
            }
        }
        return List.copyOf(out);
    }

    static Path path(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("is empty (a file path is needed)");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a valid path");
        }
    }

    static Function<String, String> text(int maxLength) {
        return text -> {
            if (text.length() > maxLength) {
                throw new IllegalArgumentException("is longer than " + maxLength + " characters");
            }
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) < 32 || text.charAt(i) == 127) {
                    throw new IllegalArgumentException("holds a control character (not allowed)");
                }
            }
            return text;
        };
    }

    /** One of a fixed set of words, exactly as written (lower case). */
    static Function<String, String> oneOf(String... allowed) {
        List<String> words = List.of(allowed);
        return text -> {
            if (!words.contains(text)) {
                throw new IllegalArgumentException("is not one of " + String.join(", ", words));
            }
            return text;
        };
    }

    /** A server name as IRC uses it: a host-like word with at least one dot, no spaces. */
    static String serverName(String text) {
        if (!text.matches("[A-Za-z0-9][A-Za-z0-9.-]*\\.[A-Za-z0-9.-]*[A-Za-z0-9]") || text.length() > 63) {
            throw new IllegalArgumentException("is not a server name (letters, digits, '-' and at least one '.', e.g. chat.example.org)");
        }
        return text;
    }

    /** A network name: one word, as 005 NETWORK= allows. */
    static String word(String text) {
        if (!text.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("is not one word of letters, digits, '.', '_' or '-' (1-32 characters)");
        }
        return text;
    }
}
