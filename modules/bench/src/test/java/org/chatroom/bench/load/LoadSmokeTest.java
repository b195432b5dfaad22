package org.chatroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.chatroom.bench.report.ResultTable;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CI smoke (issue 9): short real runs of each scenario against our own daemon, in-process
 * on a free loopback port. Asserts zero loss and numbers that make sense, never speed.
 * About 10 seconds in all.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LoadSmokeTest {
    private static ChatServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(Map.of("flood.rate", "0", // benchmarks run without flood control
                "limits.exempt", "127.0.0.1")); // the load clients all come from loopback
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static BenchConfig config(Scenario s, int clients, int senders, int rate, int inFlight, int warmup,
                                      int seconds, String prefix) {
        return config(s, clients, senders, rate, inFlight, warmup, seconds, prefix, 0);
    }

    private static BenchConfig config(Scenario s, int clients, int senders, int rate, int inFlight, int warmup,
                                      int seconds, String prefix, int stalled) {
        return config(s, clients, senders, rate, inFlight, warmup, seconds, prefix, stalled, Transport.TCP);
    }

    private static BenchConfig config(Scenario s, int clients, int senders, int rate, int inFlight, int warmup,
                                      int seconds, String prefix, int stalled, Transport transport) {
        int port = transport == Transport.WS ? server.web().httpPort() : server.port();
        return new BenchConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), s, clients,
                senders, rate, inFlight, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), 1000,
                Duration.ofSeconds(20), Duration.ofSeconds(10), "#bench", prefix, 64, 2, stalled, transport, "/socket");
    }

    /** {@code c} over WebSocket with another payload length, setup bound and endpoint path. */
    private static BenchConfig webSocket(BenchConfig c, int payload, Duration setupTimeout, String path) {
        return new BenchConfig(c.target(), c.scenario(), c.clients(), c.senders(), c.rate(), c.inFlight(), c.warmup(),
                c.duration(), c.connectRate(), setupTimeout, c.drainTimeout(), c.room(), c.nickPrefix(), payload,
                c.threads(), c.stalled(), Transport.WS, path);
    }

    @Test
    void fanOutFlatOutDeliversEveryMessageToEveryReadingMember() throws IOException {
        // One member stops reading once joined (a slow consumer): it must not hold up the others.
        RunResult r = new LoadRun(config(Scenario.F1, 40, 4, 0, 20, 1, 3, "smkf1", 1), null, -1).run();

        assertThat(r.firstError()).isNull();
        assertThat(r.ready()).isEqualTo(40);
        assertThat(r.ok()).as(ResultTable.format(r)).isTrue();
        assertThat(r.lost()).isZero();
        assertThat(r.outOfOrder()).isZero();
        assertThat(r.sentTotal()).isPositive();
        assertThat(r.deliveries()).isEqualTo(r.expectedDeliveries()).isEqualTo(r.sentTotal() * 38);
        assertThat(r.deliveriesInWindow()).isPositive().isLessThanOrEqualTo(r.deliveries());
        assertThat(r.measuredNanos()).isBetween(TimeUnit.SECONDS.toNanos(3), TimeUnit.SECONDS.toNanos(10));
        Histogram l = r.latency();
        assertThat(l.getTotalCount()).isPositive();
        assertThat(l.getMinValue()).isPositive();
        assertThat(l.getValueAtPercentile(50)).isLessThanOrEqualTo(l.getValueAtPercentile(99))
                .isLessThanOrEqualTo(l.getMaxValue());
        assertThat(l.getMaxValue()).isLessThan(TimeUnit.SECONDS.toNanos(10));
        assertThat(r.timeToAllReady()).isPositive();
        assertThat(r.registerLatency().getTotalCount()).isEqualTo(40);
    }

    @Test
    void fanOutOverWebSocketDeliversEveryMessageToEveryMember() throws IOException {
        // payload 200: the members' frames need the 16-bit length form, the senders' short frames do not
        BenchConfig c = config(Scenario.F1, 30, 3, 0, 20, 1, 2, "smkws", 0, Transport.WS);
        RunResult r = new LoadRun(webSocket(c, 200, c.setupTimeout(), "/socket"), null, -1).run();

        assertThat(r.firstError()).isNull();
        assertThat(r.ok()).as(ResultTable.format(r)).isTrue();
        assertThat(r.registered()).isEqualTo(30);
        assertThat(r.sentTotal()).isPositive();
        assertThat(r.deliveries()).isEqualTo(r.expectedDeliveries()).isEqualTo(r.sentTotal() * 29);
        assertThat(r.deliveriesInWindow()).isPositive();
        assertThat(r.latency().getTotalCount()).isPositive();
        assertThat(ResultTable.format(r)).contains("ws://127.0.0.1:" + server.web().httpPort() + "/socket");
    }

    @Test
    void idleWebSocketConnectionsAllRegisterAndAreHeld() throws IOException {
        RunResult r = new LoadRun(config(Scenario.C, 200, 0, 0, 1, 0, 1, "smkwc", 0, Transport.WS), null, -1).run();

        assertThat(r.firstError()).isNull();
        assertThat(r.ok()).as(ResultTable.format(r)).isTrue();
        assertThat(r.registered()).isEqualTo(200);
        assertThat(r.dropped()).isZero();
        assertThat(r.registerLatency().getTotalCount()).isEqualTo(200);
    }

    @Test
    void webSocketPathThatIsNotTheEndpointFailsTheRunWithTheServersAnswer() throws IOException {
        BenchConfig c = config(Scenario.C, 3, 0, 0, 1, 0, 1, "smkwp", 0, Transport.WS);
        RunResult r = new LoadRun(webSocket(c, c.payloadBytes(), Duration.ofSeconds(3), "/no-such-socket"), null, -1)
                .run();

        assertThat(r.ok()).isFalse();
        assertThat(r.registered()).isZero();
        assertThat(r.failed()).isEqualTo(3);
        assertThat(r.firstError()).contains("the WebSocket upgrade was refused: HTTP/1.1 4");
    }

    @Test
    void fixedRateSendsAboutTheAskedNumberOfMessages() throws IOException {
        RunResult r = new LoadRun(config(Scenario.F2, 100, 5, 100, 1000, 1, 2, "smkf2"), null, -1).run();

        assertThat(r.firstError()).isNull();
        assertThat(r.ok()).as(ResultTable.format(r)).isTrue();
        assertThat(r.lost()).isZero();
        assertThat(r.deliveries()).isEqualTo(r.sentTotal() * 99);
        // 100/s for 1 s of warm-up and 2 s measured: about 300, more if the controller thread is late (busy machine).
        assertThat(r.sentTotal()).isBetween(150L, 600L);
        assertThat(r.sentInWindow()).isBetween(50L, 300L);
    }

    @Test
    void idleConnectionsAllRegisterAndAreHeld() throws IOException {
        RunResult r = new LoadRun(config(Scenario.C, 300, 0, 0, 1, 0, 1, "smkc"), null, -1).run();

        assertThat(r.firstError()).isNull();
        assertThat(r.ok()).as(ResultTable.format(r)).isTrue();
        assertThat(r.registered()).isEqualTo(300);
        assertThat(r.ready()).isEqualTo(300);
        assertThat(r.dropped()).isZero();
        // at 1,000 new connections per second, the last one cannot start before 0.299 s
        assertThat(r.timeToAllReady()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(290));
        assertThat(r.registerLatency().getTotalCount()).isEqualTo(300);
        assertThat(r.sentTotal()).isZero();
    }
}
