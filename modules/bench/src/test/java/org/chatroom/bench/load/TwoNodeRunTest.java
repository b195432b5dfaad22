package org.chatroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chatroom.bench.report.ResultTable;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.PostgresExtension;
import org.chatroom.server.support.RedisTestServer;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * chat-bench against a two-daemon cluster (in-process daemons sharing a throwaway Redis and PostgreSQL):
 * the senders on one node, every other member on the other, so each delivery crosses Redis. Asserts
 * where the clients went and that nothing was lost, never speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TwoNodeRunTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    private static RedisTestServer redis;
    private static ChatServer senders;
    private static ChatServer receivers;

    @BeforeAll
    static void cluster() throws IOException {
        redis = RedisTestServer.startNew();
        Map<String, String> common = new HashMap<>(Map.of("flood.rate", "0", // benchmarks run without flood control
                "limits.exempt", "127.0.0.1", "worker.threads", "1", "room.default.autojoin", "false",
                "store.url", PG.createDatabase(), "store.user", PG.user(),
                "store.password.file", PG.writePasswordFile(PG.password()).toString(),
                "cluster.enabled", "true", "cluster.redis.uri", redis.uri()));
        common.put("history.replay.lines", "0");
        senders = TestServer.start(with(common, "cluster.node.id", "bench1"));
        receivers = TestServer.start(with(common, "cluster.node.id", "bench2"));
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new HashMap<>(base);
        all.put(key, value);
        return all;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {receivers, senders, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
    }

    private static InetSocketAddress at(ChatServer s) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), s.port());
    }

    @Test
    void sendersOnOneNodeReachReceiversOnTheOtherWithNothingLost() throws IOException {
        BenchConfig cfg = new BenchConfig(at(senders), Scenario.F1, 20, 2, 0, 20, Duration.ofSeconds(1),
                Duration.ofSeconds(2), 1000, Duration.ofSeconds(30), Duration.ofSeconds(15), "#spread", "tnr", 64, 2, 0,
                Transport.TCP, "/socket", at(senders), List.of(at(receivers)));

        RunResult r = new LoadRun(cfg, null, -1).run();

        assertThat(r.firstError()).as(ResultTable.format(r)).isNull();
        assertThat(r.ready()).isEqualTo(20);
        assertThat(senders.stats().connectionsTotal()).as("only the senders on node 1").isEqualTo(2);
        assertThat(receivers.stats().connectionsTotal()).as("every other member on node 2").isEqualTo(18);
        assertThat(r.sentTotal()).isPositive();
        assertThat(r.lost()).as(ResultTable.format(r)).isZero();
        assertThat(r.outOfOrder()).isZero();
        assertThat(r.deliveries()).isEqualTo(r.sentTotal() * 19);
        assertThat(r.ok()).isTrue();
    }
}
