package org.chatroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareReportTest {
    private static final List<String> RUNS = List.of(
            "{\"server\":\"ngircd\",\"rep\":1,\"scenario\":\"F1\",\"port\":1,\"deliveries_per_s\":1000000,\"latency_p99_ms\":80.5,\"first_error\":null}",
            "{\"server\":\"chatroom\",\"rep\":1,\"scenario\":\"F1\",\"port\":1,\"deliveries_per_s\":2000000,\"latency_p99_ms\":40,\"first_error\":\"x \\\"y\\\"\"}",
            "{\"server\":\"chatroom\",\"rep\":2,\"scenario\":\"F1\",\"port\":1,\"deliveries_per_s\":3000000,\"latency_p99_ms\":30}",
            "",
            "{\"server\":\"chatroom\",\"rep\":3,\"scenario\":\"F1\",\"port\":1,\"deliveries_per_s\":2500000,\"latency_p99_ms\":50}");

    @Test
    void readsFlatJsonLinesSkippingBlankOnes() {
        List<Map<String, Object>> runs = CompareReport.read(RUNS);
        assertThat(runs).hasSize(4);
        assertThat(runs.get(1)).containsEntry("server", "chatroom").containsEntry("deliveries_per_s", 2000000)
                .containsEntry("first_error", "x \"y\"");
        assertThat(runs.get(0)).containsEntry("first_error", null).containsEntry("latency_p99_ms", 80.5);
    }

    @Test
    void aLineThatIsNotJsonIsNamedInTheError() {
        assertThatThrownBy(() -> CompareReport.read(List.of(RUNS.get(0), "", "{\"server\":\"ngircd\",\"rep\":")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 3 is not a JSON object: ");
    }

    @Test
    void numbersWrittenAsStringsAndFlagsAreNotSummarised() {
        CompareReport.Summary s = CompareReport.Summary.of(CompareReport.read(List.of(
                "{\"server\":\"chatroom\",\"scenario\":\"C\",\"ready\":\"10\",\"server_rss_mb\":150.5,\"ok\":true}")));
        assertThat(s.stats("chatroom", "C", "ready")).isNull();
        assertThat(s.stats("chatroom", "C", "ok")).isNull();
        assertThat(s.stats("chatroom", "C", "server_rss_mb").median).isEqualTo(150.5);
        assertThat(s.runCounts()).isEqualTo("chatroom C 1/1");
        CompareReport.Summary both = CompareReport.Summary.of(CompareReport.read(List.of(RUNS.get(2),
                "{\"server\":\"chatroom\",\"scenario\":\"F1\",\"transport\":\"ws\",\"deliveries_per_s\":1000000}")));
        assertThat(both.stats("chatroom", "F1", "deliveries_per_s").median).isEqualTo(3_000_000);
        assertThat(both.stats("chatroom", "F1-WS", "deliveries_per_s").median).isEqualTo(1_000_000);
    }

    @Test
    void mediansRangesAndRatiosPutChatroomFirst() {
        CompareReport.Summary s = CompareReport.Summary.of(CompareReport.read(RUNS));
        assertThat(s.servers()).containsExactly("chatroom", "ngircd");
        CompareReport.Stats st = s.stats("chatroom", "F1", "deliveries_per_s");
        assertThat(st.median).isEqualTo(2_500_000);
        assertThat(st.min).isEqualTo(2_000_000);
        assertThat(st.max).isEqualTo(3_000_000);
        assertThat(new CompareReport.Stats(List.of(1.0, 4.0)).median).isEqualTo(2.5);
        String md = CompareReport.markdown(s);
        assertThat(md).contains("| F1 | deliveries/s | 2.50 M (2.00 M–3.00 M) | 1.00 M | 2.50× |", "chatroom F1 0/3")
                .contains("| F1 | p99 ms | 40 (30–50) | 80.5 | 0.50× |")
                .doesNotContain("| F2 |");
    }

    @Test
    void chartIsAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        CompareChart.write(CompareReport.Summary.of(CompareReport.read(RUNS)), png);
        byte[] head = Files.readAllBytes(png);
        assertThat(head.length).isGreaterThan(1000);
        assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
