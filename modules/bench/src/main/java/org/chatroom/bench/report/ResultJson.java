package org.chatroom.bench.report;

import java.util.Locale;
import org.chatroom.bench.load.BenchConfig;
import org.HdrHistogram.Histogram;
import org.chatroom.bench.load.RunResult;

/**
 * The result as one JSON object (hand-written: flat numbers and a few strings). Times are in
 * milliseconds with microsecond resolution; -1 means "not measured".
 */
public final class ResultJson {
    private ResultJson() {
    }

    public static String format(RunResult r, String version) {
        BenchConfig c = r.config();
        Histogram l = r.latency();
        Histogram reg = r.registerLatency();
        StringBuilder b = new StringBuilder("{");
        str(b, "tool", "chat-bench");
        str(b, "version", version);
        str(b, "scenario", c.scenario().name());
        str(b, "host", c.target().getAddress().getHostAddress());
        num(b, "port", c.target().getPort());
        num(b, "clients", c.clients());
        num(b, "senders", c.senders());
        num(b, "rate", c.rate());
        num(b, "in_flight", c.inFlight());
        num(b, "stalled", c.stalled());
        num(b, "payload_bytes", c.payloadBytes());
        str(b, "room", c.room());
        num(b, "threads", c.threads());
        num(b, "warmup_s", c.warmup().toSeconds());
        num(b, "window_s", r.measuredNanos() / 1e9);
        num(b, "ready", r.ready());
        num(b, "registered", r.registered());
        num(b, "failed", r.failed());
        num(b, "dropped", r.dropped());
        num(b, "time_to_all_ready_s", r.timeToAllReady() < 0 ? -1 : r.timeToAllReady() / 1e9);
        num(b, "register_p50_ms", reg.getValueAtPercentile(50) / 1e6);
        num(b, "register_p99_ms", reg.getValueAtPercentile(99) / 1e6);
        num(b, "register_max_ms", reg.getMaxValue() / 1e6);
        num(b, "messages_per_s", r.messagesPerSecond());
        num(b, "deliveries_per_s", r.deliveriesPerSecond());
        num(b, "latency_samples", l.getTotalCount());
        num(b, "latency_p50_ms", l.getValueAtPercentile(50) / 1e6);
        num(b, "latency_p90_ms", l.getValueAtPercentile(90) / 1e6);
        num(b, "latency_p99_ms", l.getValueAtPercentile(99) / 1e6);
        num(b, "latency_p999_ms", l.getValueAtPercentile(99.9) / 1e6);
        num(b, "latency_max_ms", l.getMaxValue() / 1e6);
        num(b, "sent", r.sentTotal());
        num(b, "expected_deliveries", r.expectedDeliveries());
        num(b, "deliveries", r.deliveries());
        num(b, "lost", r.lost());
        num(b, "out_of_order", r.outOfOrder());
        num(b, "server_cpu_cores", r.serverCpuCores());
        num(b, "server_rss_mb", r.serverRssBytes() < 0 ? -1 : r.serverRssBytes() / 1e6);
        num(b, "generator_cpu_cores", r.generatorCpuCores());
        b.append("\"ok\":").append(r.ok()).append(',');
        if (r.firstError() == null) {
            b.append("\"first_error\":null");
        } else {
            b.append("\"first_error\":\"").append(escape(r.firstError())).append('"');
        }
        return b.append('}').toString();
    }

    private static void str(StringBuilder b, String k, String v) {
        b.append('"').append(k).append("\":\"").append(escape(v)).append("\",");
    }

    private static void num(StringBuilder b, String k, double v) {
        b.append('"').append(k).append("\":");
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            b.append((long) v);
        } else {
            b.append(String.format(Locale.ROOT, "%.3f", v));
        }
        b.append(',');
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
