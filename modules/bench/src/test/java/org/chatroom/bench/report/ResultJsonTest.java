package org.chatroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.chatroom.bench.load.BenchConfig;
import org.chatroom.bench.load.Latency;
import org.chatroom.bench.load.RunResult;
import org.chatroom.bench.load.Scenario;
import org.chatroom.bench.load.Transport;
import org.junit.jupiter.api.Test;

class ResultJsonTest {
    private static final InetSocketAddress NODE1 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 6667);

    private static RunResult result(String error) {
        return result(error, NODE1, List.of(NODE1));
    }

    private static RunResult result(String error, InetSocketAddress senders, List<InetSocketAddress> receivers) {
        BenchConfig c = new BenchConfig(NODE1, Scenario.F1,
                200, 10, 0, 50, Duration.ofSeconds(2), Duration.ofSeconds(10), 1000, Duration.ofSeconds(60),
                Duration.ofSeconds(10), "#bench", "bx", 64, 2, 0, Transport.TCP, "/socket", senders, receivers);
        Histogram latency = Latency.histogram();
        for (long v = 1; v <= 1000; v++) {
            Latency.record(latency, v * 100_000); // 0.1 ms .. 100 ms
        }
        Histogram register = Latency.histogram();
        Latency.record(register, 2_500_000);
        return new RunResult(c, 200, 200, 200, 0, 0, 1_234_567_890L, register, 10_000_000_000L, 205_000,
                41_000_000_123L, latency, 250_000, 49_750_000, 49_750_000, 0, 0, 0.734, 151_234_567L, 1.5, error);
    }

    @Test
    void writesOneFlatObjectInTheDocumentedOrderWithPlainNumbers() {
        String json = ResultJson.format(result(null), "1.2.3");
        assertThat(json).startsWith("{\"tool\":\"chat-bench\",\"version\":\"1.2.3\",\"scenario\":\"F1\",\"transport\":\"tcp\",\"host\":\"127.0.0.1\","
                        + "\"port\":6667,\"clients\":200,")
                .contains("\"window_s\":10,", "\"deliveries_per_s\":4100000012.300,", "\"messages_per_s\":20500,",
                        "\"server_cpu_cores\":0.734,", "\"server_rss_mb\":151.235,", "\"time_to_all_ready_s\":1.235,",
                        "\"latency_samples\":1000,")
                .endsWith("\"ok\":true,\"first_error\":null}")
                .doesNotContain("E+", "E7", " ");
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        Map<String, Object> m = ResultJson.parse(ResultJson.format(result("bx1: server said ERROR \"Closing\"\n"), "dev"));
        assertThat(m).containsEntry("ok", true).containsEntry("first_error", "bx1: server said ERROR \"Closing\"\n")
                .containsEntry("room", "#bench").containsEntry("lost", 0);
        assertThat(((Number) m.get("latency_p50_ms")).doubleValue()).isBetween(49.95, 50.05);
        assertThat(((Number) m.get("latency_p99_ms")).doubleValue()).isBetween(98.9, 99.1);
        assertThat(((Number) m.get("latency_max_ms")).doubleValue()).isBetween(99.9, 100.1);
        assertThat(List.copyOf(m.keySet())).containsSubsequence("scenario", "clients", "deliveries_per_s",
                "latency_p50_ms", "latency_p90_ms", "latency_p99_ms", "latency_p999_ms", "latency_max_ms", "ok",
                "first_error");
    }

    @Test
    void aRunOverSeveralDaemonsNamesTheSenderAndReceiverAddresses() throws Exception {
        InetSocketAddress node2 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 6668);
        InetSocketAddress node3 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 6669);
        RunResult spread = result(null, NODE1, List.of(node2, node3));
        assertThat(ResultJson.format(spread, "dev")).contains("\"host\":\"127.0.0.1\",\"port\":6667,"
                + "\"sender_target\":\"127.0.0.1:6667\",\"receiver_targets\":\"127.0.0.1:6668,127.0.0.1:6669\",\"clients\":200,");
        assertThat(ResultTable.format(spread)).contains("senders on 127.0.0.1:6667, the others on 127.0.0.1:6668, 127.0.0.1:6669");
        assertThat(ResultJson.format(result(null), "dev")).as("one daemon: no target fields").doesNotContain("_target");
        assertThat(ResultTable.format(result(null))).doesNotContain("senders on");
    }
}
