package org.chatroom.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chatroom.bench.load.BenchConfig;
import org.HdrHistogram.Histogram;
import org.chatroom.bench.load.RunResult;
import org.chatroom.bench.load.Transport;

/** The human-readable result: one aligned "name  value" line per figure. */
public final class ResultTable {
    private ResultTable() {
    }

    public static String format(RunResult r) {
        BenchConfig c = r.config();
        StringBuilder b = new StringBuilder();
        String address = c.target().getAddress().getHostAddress() + ":" + c.target().getPort();
        row(b, "scenario", c.scenario() + " against " + (c.transport() == Transport.WS
                ? "ws://" + address + c.wsPath() + " (WebSocket, " + Transport.WS_SUBPROTOCOL + ")" : address));
        if (c.spread()) {
            row(b, "targets", "senders on " + BenchConfig.address(c.senderTarget()) + ", the others on "
                    + String.join(", ", c.receiverTargets().stream().map(BenchConfig::address).toList()));
        }
        if (c.scenario().joinsRoom()) {
            row(b, "setup", String.format(Locale.ROOT, "%d clients in %s, %d senders, rate %s, in-flight %d,"
                            + " %d-byte text, %d threads", c.clients(), c.room(), c.senders(),
                    c.rate() == 0 ? "flat-out" : c.rate() + "/s", c.inFlight(), c.payloadBytes(), c.threads())
                    + (c.stalled() > 0 ? ", " + c.stalled() + " stalled (not reading, not counted)" : ""));
        }
        row(b, "connections", String.format(Locale.ROOT, "%d/%d ready, %d registered, %d failed, %d dropped",
                r.ready(), r.requested(), r.registered(), r.failed(), r.dropped()));
        row(b, "time to all ready", r.timeToAllReady() < 0 ? "not all ready" : secs(r.timeToAllReady()));
        Histogram reg = r.registerLatency();
        row(b, "connect+register", String.format(Locale.ROOT, "p50 %s  p99 %s  max %s", ms(reg.getValueAtPercentile(50)),
                ms(reg.getValueAtPercentile(99)), ms(reg.getMaxValue())));
        if (c.scenario().joinsRoom()) {
            row(b, "window", secs(r.measuredNanos()) + " after " + c.warmup().toSeconds() + " s warm-up");
            row(b, "messages/s", String.format(Locale.ROOT, "%,.0f", r.messagesPerSecond()));
            row(b, "deliveries/s", String.format(Locale.ROOT, "%,.0f", r.deliveriesPerSecond()));
            Histogram l = r.latency();
            row(b, "latency", String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  (%,d samples)",
                    ms(l.getValueAtPercentile(50)), ms(l.getValueAtPercentile(90)), ms(l.getValueAtPercentile(99)), ms(l.getValueAtPercentile(99.9)),
                    ms(l.getMaxValue()), l.getTotalCount()));
            row(b, "delivered", String.format(Locale.ROOT, "%,d of %,d expected (%,d messages x %d members)",
                    r.deliveries(), r.expectedDeliveries(), r.sentTotal(), c.receiversPerMessage()));
            row(b, "lost", String.format(Locale.ROOT, "%,d  (out of order or duplicate: %,d)", r.lost(), r.outOfOrder()));
        } else {
            row(b, "held", secs(r.measuredNanos()));
        }
        if (r.serverCpuCores() >= 0) {
            row(b, "server CPU", String.format(Locale.ROOT, "%.2f cores", r.serverCpuCores()));
        }
        if (r.serverRssBytes() >= 0) {
            row(b, "server RSS", String.format(Locale.ROOT, "%.1f MB", r.serverRssBytes() / 1e6));
        }
        if (r.generatorCpuCores() >= 0) {
            row(b, "generator CPU", String.format(Locale.ROOT, "%.2f cores", r.generatorCpuCores()));
        }
        row(b, "result", r.ok() ? "clean" : "NOT CLEAN: " + problems(r));
        return b.toString();
    }

    /** Why a run is not clean, in one line; the first error seen ends it. */
    public static String problems(RunResult r) {
        List<String> p = new ArrayList<>();
        if (r.ready() < r.requested()) {
            p.add((r.requested() - r.ready()) + " of " + r.requested() + " connections not ready");
        }
        if (r.dropped() > 0) {
            p.add(r.dropped() + " dropped");
        }
        if (r.lost() > 0) {
            p.add(r.lost() + " deliveries lost");
        }
        if (r.outOfOrder() > 0) {
            p.add(r.outOfOrder() + " out of order");
        }
        if (r.firstError() != null) {
            p.add("first error: " + r.firstError());
        }
        return p.isEmpty() ? "none" : String.join("; ", p);
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append(String.format(Locale.ROOT, "%-18s %s%n", name, value));
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
