package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP side of the listener: the client's files, /health, /metrics and what is refused. */
@Timeout(30)
class WebHttpTest {
    private ChatServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void rootServesTheWebClientWithAnEtagAndRevalidation() throws Exception {
        server = TestServer.start();
        int port = server.web().httpPort();
        HttpResponse<String> page = Http.get(port, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\">");
        String etag = page.headers().firstValue("etag").orElseThrow();
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(Http.get(port, "/", "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<String> js = Http.get(port, "/js/main.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(Http.get(port, "/style.css").headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void unknownPathsAndOtherMethodsGetOneLineAnswers() throws Exception {
        server = TestServer.start();
        int port = server.web().httpPort();
        HttpResponse<String> missing = Http.get(port, "/../etc/passwd");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception").hasLineCount(1);
        HttpResponse<String> post = Http.send(port, "POST", "/");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    @Test
    void healthIsOneLineOfJsonOnceReady() throws Exception {
        server = TestServer.start();
        HttpResponse<String> h = Http.get(server.web().httpPort(), "/health");
        assertThat(h.statusCode()).isEqualTo(200);
        assertThat(h.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(h.body()).startsWith("{\"status\":\"ready\"").hasLineCount(1);
    }

    @Test
    void metricsAreInThePrometheusTextFormat() throws Exception {
        server = TestServer.start();
        HttpResponse<String> m = Http.get(server.web().httpPort(), "/metrics");
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(m.body()).contains("# TYPE chatroom_deliveries_total counter", "chatroom_registered_users 0",
                "chatroom_drops_total{reason=\"excess_flood\"} 0", "chatroom_output_queued_bytes",
                "jvm_memory_used_bytes");
    }

    @Test
    void metricsBindMovesMetricsToTheirOwnListener() throws Exception {
        server = TestServer.start(Map.of("metrics.bind", "127.0.0.1", "metrics.port", "0"));
        assertThat(Http.get(server.web().httpPort(), "/metrics").statusCode()).isEqualTo(404);
        int metrics = server.web().metricsPort();
        assertThat(Http.get(metrics, "/metrics").body()).contains("chatroom_connections");
        assertThat(Http.get(metrics, "/").statusCode()).as("no client on the metrics port").isEqualTo(404);
    }

    @Test
    void httpCanBeTurnedOff() {
        server = TestServer.start(Map.of("http.enabled", "false"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.web())
                .hasMessageContaining("http.enabled=false");
    }

    @Test
    void everyFileOfTheClientIsListedForServing() throws Exception {
        Path root = Path.of("src/main/resources/web");
        List<String> listed = Files.readAllLines(root.resolve("files.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> present = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(n -> !n.equals("files.txt")).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        }
    }
}
