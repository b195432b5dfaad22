package org.chatroom.bench.report;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.chatroom.bench.load.BenchConfig;
import org.chatroom.bench.load.RunResult;

/**
 * The result as one flat JSON object, written and read with jackson-jr. Times are in milliseconds
 * with microsecond resolution; -1 means "not measured". The field names and their order are those
 * of the first, hand-written format, so older {@code results.jsonl} files still read; {@code transport}
 * (tcp or ws) was added after {@code scenario} and is absent from older lines, which were all tcp.
 */
public final class ResultJson {
    /** Writes nulls (first_error) instead of leaving the key out, as the first format did. */
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private ResultJson() {
    }

    public static String format(RunResult r, String version) {
        try {
            return WRITER.asString(fields(r, version));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result as JSON", e); // only strings and numbers: cannot happen
        }
    }

    /** Parses one result line (chat-bench's, or compare.sh's with server and rep added) into its fields. */
    public static Map<String, Object> parse(String line) throws IOException {
        return JSON.std.mapFrom(line);
    }

    static Map<String, Object> fields(RunResult r, String version) {
        BenchConfig c = r.config();
        Histogram l = r.latency();
        Histogram reg = r.registerLatency();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "chat-bench");
        m.put("version", version);
        m.put("scenario", c.scenario().name());
        m.put("transport", c.transport().label());
        m.put("host", c.target().getAddress().getHostAddress());
        m.put("port", c.target().getPort());
        if (c.spread()) { // several daemons: which addresses the senders and the other members used
            m.put("sender_target", BenchConfig.address(c.senderTarget()));
            m.put("receiver_targets", String.join(",", c.receiverTargets().stream().map(BenchConfig::address).toList()));
        }
        m.put("clients", c.clients());
        m.put("senders", c.senders());
        m.put("rate", c.rate());
        m.put("in_flight", c.inFlight());
        m.put("stalled", c.stalled());
        m.put("payload_bytes", c.payloadBytes());
        m.put("room", c.room());
        m.put("threads", c.threads());
        m.put("warmup_s", c.warmup().toSeconds());
        put(m, "window_s", r.measuredNanos() / 1e9);
        m.put("ready", r.ready());
        m.put("registered", r.registered());
        m.put("failed", r.failed());
        m.put("dropped", r.dropped());
        put(m, "time_to_all_ready_s", r.timeToAllReady() < 0 ? -1 : r.timeToAllReady() / 1e9);
        put(m, "register_p50_ms", reg.getValueAtPercentile(50) / 1e6);
        put(m, "register_p99_ms", reg.getValueAtPercentile(99) / 1e6);
        put(m, "register_max_ms", reg.getMaxValue() / 1e6);
        put(m, "messages_per_s", r.messagesPerSecond());
        put(m, "deliveries_per_s", r.deliveriesPerSecond());
        m.put("latency_samples", l.getTotalCount());
        put(m, "latency_p50_ms", l.getValueAtPercentile(50) / 1e6);
        put(m, "latency_p90_ms", l.getValueAtPercentile(90) / 1e6);
        put(m, "latency_p99_ms", l.getValueAtPercentile(99) / 1e6);
        put(m, "latency_p999_ms", l.getValueAtPercentile(99.9) / 1e6);
        put(m, "latency_max_ms", l.getMaxValue() / 1e6);
        m.put("sent", r.sentTotal());
        m.put("expected_deliveries", r.expectedDeliveries());
        m.put("deliveries", r.deliveries());
        m.put("lost", r.lost());
        m.put("out_of_order", r.outOfOrder());
        put(m, "server_cpu_cores", r.serverCpuCores());
        put(m, "server_rss_mb", r.serverRssBytes() < 0 ? -1 : r.serverRssBytes() / 1e6);
        put(m, "generator_cpu_cores", r.generatorCpuCores());
        m.put("ok", r.ok());
        m.put("first_error", r.firstError());
        return m;
    }

    /** A whole number as an integer, anything else rounded to 3 decimals in plain notation (never 1.2E7). */
    private static void put(Map<String, Object> m, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            m.put(key, (long) v);
        } else {
            m.put(key, BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP));
        }
    }
}
