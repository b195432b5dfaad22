package org.chatroom.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summarises the runs of {@code bench/compare.sh}: reads one chat-bench JSON result per line
 * (with "server" and "rep" added), prints a Markdown table of medians with min–max and the
 * ratio of the first server (Chatroom) to each peer, and draws the chart.
 *
 * <p>Usage: {@code CompareReport RESULTS.jsonl CHART.png}
 */
public final class CompareReport {
    /** Scenario, metric, label, whether lower is better. */
    static final String[][] METRICS = {
        {"F1", "deliveries_per_s", "deliveries/s", "higher"},
        {"F1", "latency_p50_ms", "p50 ms", "lower"},
        {"F1", "latency_p99_ms", "p99 ms", "lower"},
        {"F1", "server_cpu_cores", "server CPU cores", "lower"},
        {"F1", "lost", "lost deliveries", "lower"},
        {"F1S", "deliveries_per_s", "deliveries/s", "higher"},
        {"F1S", "latency_p50_ms", "p50 ms", "lower"},
        {"F1S", "latency_p99_ms", "p99 ms", "lower"},
        {"F1S", "lost", "lost deliveries", "lower"},
        {"F2", "deliveries_per_s", "deliveries/s", "higher"},
        {"F2", "latency_p50_ms", "p50 ms", "lower"},
        {"F2", "latency_p99_ms", "p99 ms", "lower"},
        {"F2", "server_cpu_cores", "server CPU cores", "lower"},
        {"F2", "lost", "lost deliveries", "lower"},
        {"C", "ready", "registered connections (of 10,000)", "higher"},
        {"C", "time_to_all_ready_s", "time to all registered s", "lower"},
        {"C", "server_rss_mb", "server RSS MB", "lower"},
        {"F1", "startup_ms", "launch to listening ms", "lower"},
    };

    private CompareReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CompareReport RESULTS.jsonl CHART.png");
            System.exit(2);
        }
        List<Map<String, Object>> runs;
        try {
            runs = read(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            System.err.println("CompareReport: " + args[0] + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Summary s = Summary.of(runs);
        System.out.print(markdown(s));
        CompareChart.write(s, Path.of(args[1]));
    }

    /**
     * Parses the flat JSON objects, one per non-blank line.
     *
     * @throws IllegalArgumentException naming the line that is not a JSON object
     */
    static List<Map<String, Object>> read(List<String> lines) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                runs.add(ResultJson.parse(line));
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not a JSON object: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
        return runs;
    }

    static String markdown(Summary s) {
        List<String> servers = s.servers();
        StringBuilder b = new StringBuilder("| scenario | metric |");
        for (String srv : servers) {
            b.append(' ').append(srv).append(" median (min–max) |");
        }
        String first = servers.isEmpty() ? "" : servers.get(0);
        for (String peer : servers.subList(Math.min(1, servers.size()), servers.size())) {
            b.append(' ').append(first).append('/').append(peer).append(" |");
        }
        b.append("\n|---|---|");
        b.append("---|".repeat(Math.max(0, 2 * servers.size() - 1)));
        b.append('\n');
        for (String[] m : METRICS) {
            if (!s.hasScenario(m[0])) {
                continue;
            }
            b.append("| ").append(m[0]).append(" | ").append(m[2]).append(" |");
            for (String srv : servers) {
                Stats st = s.stats(srv, m[0], m[1]);
                b.append(' ').append(st == null ? "–" : st.text()).append(" |");
            }
            Stats mine = s.stats(first, m[0], m[1]);
            for (String peer : servers.subList(Math.min(1, servers.size()), servers.size())) {
                Stats other = s.stats(peer, m[0], m[1]);
                b.append(' ').append(ratio(mine, other)).append(" |");
            }
            b.append('\n');
        }
        b.append("\nClean runs (everybody ready, nothing lost) per server and scenario: ").append(s.runCounts())
                .append(".\nRoom scenarios: runs where the room never filled have no window and are left out of the"
                        + " message figures; a value that could not be measured (-1) is left out too.\n");
        return b.toString();
    }

    static String ratio(Stats a, Stats b) {
        if (a == null || b == null || b.median == 0 || a.median < 0 || b.median < 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", a.median / b.median);
    }

    /** Median, min and max of one metric over the repetitions. */
    static final class Stats {
        final double median;
        final double min;
        final double max;
        final int n;

        Stats(List<Double> values) {
            List<Double> v = new ArrayList<>(values);
            v.sort(Double::compare);
            n = v.size();
            min = v.get(0);
            max = v.get(n - 1);
            median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        }

        String text() {
            return n == 1 ? fmt(median) : fmt(median) + " (" + fmt(min) + "–" + fmt(max) + ")";
        }

        static String fmt(double d) {
            if (d < 0) {
                return "n/a";
            }
            if (Math.abs(d) >= 100_000) {
                return String.format(Locale.ROOT, "%.2f M", d / 1e6);
            }
            if (d == Math.rint(d)) {
                return String.format(Locale.ROOT, "%,d", (long) d);
            }
            return String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
        }
    }

    /** All runs grouped by server (in first-seen order), scenario and metric. */
    static final class Summary {
        private final Map<String, Map<String, Map<String, List<Double>>>> data = new LinkedHashMap<>();

        static Summary of(List<Map<String, Object>> runs) {
            Summary s = new Summary();
            // Chatroom first when present: ratios are Chatroom/peer.
            runs.stream().filter(r -> "chatroom".equals(r.get("server"))).findFirst()
                    .ifPresent(r -> s.data.put("chatroom", new TreeMap<>()));
            for (Map<String, Object> r : runs) {
                String server = String.valueOf(r.getOrDefault("server", "?"));
                // WebSocket runs are their own rows, never averaged with TCP ones (older lines have no transport: TCP)
                String scenario = r.getOrDefault("scenario", "?") + ("ws".equals(r.get("transport")) ? "-WS" : "");
                Map<String, List<Double>> metrics = s.data.computeIfAbsent(server, k -> new TreeMap<>())
                        .computeIfAbsent(scenario, k -> new TreeMap<>());
                metrics.computeIfAbsent("runs", k -> new ArrayList<>()).add(1.0);
                metrics.computeIfAbsent("clean", k -> new ArrayList<>()).add(Boolean.TRUE.equals(r.get("ok")) ? 1.0 : 0.0);
                // A room run whose room never filled measured no messages: only its setup counts.
                boolean measured = number(r, "latency_samples") != 0 || !r.containsKey("senders")
                        || number(r, "senders") == 0;
                for (Map.Entry<String, Object> e : r.entrySet()) {
                    if (!measured && !e.getKey().equals("ready") && !e.getKey().startsWith("register")) {
                        continue;
                    }
                    // strings (host, room, error) and flags are not summarised
                    if (e.getValue() instanceof Number n && n.doubleValue() >= 0) {
                        metrics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(n.doubleValue());
                    }
                }
            }
            return s;
        }

        private static double number(Map<String, Object> r, String key) {
            return r.get(key) instanceof Number n ? n.doubleValue() : 0;
        }

        List<String> servers() {
            return new ArrayList<>(data.keySet());
        }

        boolean hasScenario(String scenario) {
            return data.values().stream().anyMatch(m -> m.containsKey(scenario));
        }

        Stats stats(String server, String scenario, String metric) {
            List<Double> v = data.getOrDefault(server, Map.of()).getOrDefault(scenario, Map.of()).get(metric);
            return v == null || v.isEmpty() ? null : new Stats(v);
        }

        String runCounts() {
            List<String> parts = new ArrayList<>();
            data.forEach((srv, byScenario) -> byScenario.forEach((sc, metrics) -> parts.add(srv + " " + sc + " "
                    + (int) metrics.getOrDefault("clean", List.of()).stream().mapToDouble(Double::doubleValue).sum()
                    + "/" + metrics.getOrDefault("runs", List.of()).size())));
            return String.join(", ", parts);
        }
    }
}
