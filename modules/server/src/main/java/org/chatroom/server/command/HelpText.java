package org.chatroom.server.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HELP topics, read once at start from {@code help.txt} beside this class in the jar (never on
 * an event loop). A line {@code [TOPIC]} starts a topic; {@code [*]} is the index; {@code #} lines
 * are comments.
 */
final class HelpText {
    static final String INDEX = "*";

    private final Map<String, List<String>> topics;

    private HelpText(Map<String, List<String>> topics) {
        this.topics = topics;
    }

    static HelpText load() {
        try (InputStream in = HelpText.class.getResourceAsStream("help.txt")) {
            if (in == null) {
                throw new IllegalStateException("help.txt is missing from the server jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read help.txt from the server jar", e);
        }
    }

    private static HelpText parse(BufferedReader r) throws IOException {
        Map<String, List<String>> topics = new HashMap<>();
        List<String> current = null;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]") && line.length() > 2) {
                current = new ArrayList<>();
                topics.put(line.substring(1, line.length() - 1).toUpperCase(Locale.ROOT), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        topics.replaceAll((k, lines) -> List.copyOf(trimTrailingBlank(lines)));
        return new HelpText(Map.copyOf(topics));
    }

    private static List<String> trimTrailingBlank(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return lines.subList(0, end);
    }

    /** The lines of {@code topic} (any case), or null if there is no such topic. */
    List<String> topic(String topic) {
        List<String> lines = topics.get(topic.toUpperCase(Locale.ROOT));
        return lines == null || lines.isEmpty() ? null : lines;
    }
}
