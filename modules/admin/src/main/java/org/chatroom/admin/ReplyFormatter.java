package org.chatroom.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.chatroom.protocol.Durations;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns reply bodies into output for people: rows ({@code list}, {@code rooms}, {@code bans},
 * {@code reload}) become a table aligned like {@code ps}, records ({@code info}, {@code stats},
 * {@code version}) become two aligned columns, anything else is printed as it came. Seconds and
 * byte counts are shown in short human units.
 */
final class ReplyFormatter {
    private static final Set<String> ROWS = Set.of("list", "rooms", "bans", "reload");
    private static final Set<String> RECORDS = Set.of("info", "stats", "version");
    /** Free-text fields: always last on a line, so they run to its end (the daemon's own list). */
    private static final Set<String> TEXT = org.chatroom.protocol.admin.AdminWire.TEXT_FIELDS;
    private static final Set<String> SECONDS = Set.of("age", "idle", "uptime", "left");
    private static final Set<String> BYTES = Set.of("heap_used", "heap_max", "bytes_in", "bytes_out");
    private static final Map<String, Set<String>> HIDDEN = Map.of("list", Set.of("since"), "bans", Set.of("set_at"));
    private static final Map<String, String> EMPTY = Map.of("list", "no users connected", "rooms", "no rooms",
            "bans", "no bans", "reload", "nothing changed");
    private static final Pattern KEY = Pattern.compile("(?:^| )([a-z_]+)=");

    private ReplyFormatter() {
    }

    static List<String> format(String command, List<String> body) {
        if (ROWS.contains(command)) {
            if (body.isEmpty()) {
                return List.of(EMPTY.get(command));
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : body) {
                rows.add(parseRow(line));
            }
            return table(rows, HIDDEN.getOrDefault(command, Set.of()));
        }
        if (RECORDS.contains(command)) {
            return record(body);
        }
        return body;
    }

    /** {@code nick=alice rooms=#a,#b topic=a b=c} → ordered fields; a free-text field takes the rest of the line. */
    static Map<String, String> parseRow(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = KEY.matcher(line);
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) {
                if (TEXT.contains(key)) {
                    break;
                }
                out.put(key, line.substring(valueStart, m.start()));
            }
            key = m.group(1);
            valueStart = m.end();
        }
        if (key != null) {
            out.put(key, line.substring(valueStart));
        }
        return out;
    }

    private static List<String> table(List<Map<String, String>> rows, Set<String> hidden) {
        List<String> columns = new ArrayList<>();
        for (Map<String, String> r : rows) {
            for (String k : r.keySet()) {
                if (!columns.contains(k) && !hidden.contains(k)) {
                    columns.add(k);
                }
            }
        }
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[columns.size()];
        for (int i = 0; i < header.length; i++) {
            header[i] = columns.get(i).toUpperCase(Locale.ROOT);
        }
        cells.add(header);
        for (Map<String, String> r : rows) {
            String[] c = new String[columns.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = human(columns.get(i), r.getOrDefault(columns.get(i), ""));
            }
            cells.add(c);
        }
        int[] width = new int[columns.size()];
        for (String[] c : cells) {
            for (int i = 0; i < c.length; i++) {
                width[i] = Math.max(width[i], c[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] c : cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < c.length; i++) {
                sb.append(c[i]);
                if (i < c.length - 1) {
                    sb.append(" ".repeat(width[i] - c[i].length() + 2));
                }
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    private static List<String> record(List<String> body) {
        int width = 0;
        for (String l : body) {
            width = Math.max(width, l.indexOf('='));
        }
        List<String> out = new ArrayList<>();
        for (String l : body) {
            int eq = l.indexOf('=');
            if (eq < 0) {
                out.add(l);
                continue;
            }
            String key = l.substring(0, eq);
            out.add((key + " ".repeat(width - eq + 2) + human(key, l.substring(eq + 1))).stripTrailing());
        }
        return out;
    }

    static String human(String key, String value) {
        try {
            if (SECONDS.contains(key)) {
                long s = Long.parseLong(value);
                return s < 0 ? "-" : Durations.human(s);
            }
            if (BYTES.contains(key)) {
                return bytes(Long.parseLong(value));
            }
        } catch (NumberFormatException e) {
            return value;
        }
        return value.isEmpty() ? "-" : value;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
