package org.chatroom.server.web;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.chatroom.server.core.DropReason;
import org.chatroom.server.core.ServerStats;

/**
 * {@code GET /metrics}: the daemon's counters in the Prometheus text format. Nothing is counted
 * twice: every value is read from {@link ServerStats} (lock-free adders) at scrape time, through
 * callbacks, so the hot path pays nothing for metrics.
 */
final class WebMetrics {
    record Scrape(String contentType, byte[] body) {
    }

    /**
     * JVM metrics live in one registry per process: {@link JvmMetrics} remembers every registry it
     * was registered with in a static set, so one per server would keep each stopped server's
     * counters (and through them its last connections) alive for good.
     */
    private static final PrometheusRegistry JVM = jvmRegistry();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    WebMetrics(ServerStats stats, IntSupplier webSessions) {
        GaugeWithCallback.builder().name("chatroom_connections").help("Open IRC connections by transport")
                .labelNames("transport")
                .callback(cb -> {
                    int web = webSessions.getAsInt();
                    cb.call(Math.max(0, stats.connections() - web), "tcp");
                    cb.call(web, "websocket");
                }).register(registry);
        GaugeWithCallback.builder().name("chatroom_registered_users").help("Users who completed registration")
                .callback(cb -> cb.call(stats.registered())).register(registry);
        counter("chatroom_connections_opened", "Connections admitted since start", stats::connectionsTotal);
        counter("chatroom_messages_received", "IRC commands received from clients", stats::messagesIn);
        counter("chatroom_deliveries", "Lines delivered to clients", stats::messagesOut);
        counter("chatroom_received_bytes", "Bytes received from clients", stats::bytesIn);
        counter("chatroom_sent_bytes", "Bytes handed to clients' sockets", stats::bytesOut);
        counter("chatroom_history_stored", "History lines handed to the database writer", stats::historyStoredTotal);
        counter("chatroom_history_dropped", "History lines dropped: the database writer was behind",
                stats::historyDroppedTotal);
        counter("chatroom_lines_refused", "Lines refused (too long, not UTF-8, control characters)",
                stats::linesRefused);
        CounterWithCallback.builder().name("chatroom_drops").help("Connections the server ended, by reason")
                .labelNames("reason")
                .callback(cb -> {
                    for (DropReason r : DropReason.values()) {
                        cb.call(stats.drops(r), r.name().toLowerCase(Locale.ROOT));
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("chatroom_output_queued_bytes").help("Output queued to all clients, unsent")
                .callback(cb -> cb.call(stats.queuedOutputBytes())).register(registry);
        GaugeWithCallback.builder().name("chatroom_output_budget_bytes").help("output.budget.bytes")
                .callback(cb -> cb.call(stats.outputBudgetBytes())).register(registry);
    }

    private static PrometheusRegistry jvmRegistry() {
        PrometheusRegistry r = new PrometheusRegistry();
        JvmMetrics.builder().register(r);
        return r;
    }

    private void counter(String name, String help, java.util.function.LongSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsLong())).register(registry);
    }

    /** Cheap (reads counters and MXBeans, no I/O), so it runs on the asking connection's loop. */
    Scrape scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            List<MetricSnapshot> all = new ArrayList<>();
            registry.scrape().forEach(all::add);
            JVM.scrape().forEach(all::add);
            writer.write(out, new MetricSnapshots(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return new Scrape(writer.getContentType(), out.toByteArray());
    }
}
