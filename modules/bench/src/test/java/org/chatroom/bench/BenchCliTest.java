package org.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.commons.cli.DefaultParser;
import org.chatroom.bench.load.BenchConfig;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BenchCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final BenchCli cli = new BenchCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    /** Our daemon, in-process on free loopback ports (IRC and HTTP), set up as the benchmarks run it. */
    private static ChatServer daemon() {
        return TestServer.start(Map.of("worker.threads", "1",
                "flood.rate", "0", // benchmarks run without flood control
                "limits.exempt", "127.0.0.1")); // the load clients all come from loopback
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheOptionsAndExitsZero() {
        assertThat(cli.run("--help")).isZero();
        assertThat(out()).contains("--sender-target", "--receiver-targets", "--scenario", "--clients", "--senders", "--rate", "--in-flight", "--duration",
                "--connections", "--connect-rate", "--json", "--allow-remote", "--version", "--transport", "--ws-path");
    }

    @Test
    void versionPrintsTheProgramName() {
        assertThat(cli.run("-V")).isZero();
        assertThat(out()).startsWith("chat-bench ");
    }

    @Test
    void remoteHostIsRefusedUnlessAllowed() {
        assertThat(cli.run("--host", "192.0.2.1", "--port", "6667")).isEqualTo(2);
        assertThat(err()).contains("chat-bench: --host 192.0.2.1 is not a loopback address");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(cli.run("--scenario", "F9")).isEqualTo(2);
        assertThat(cli.run("--port", "70000")).isEqualTo(2);
        assertThat(cli.run("--clients", "ten")).isEqualTo(2);
        assertThat(cli.run("--room", "bench")).isEqualTo(2);
        assertThat(cli.run("--clients", "3", "--senders", "5")).isEqualTo(2);
        assertThat(cli.run("--no-such-option")).isEqualTo(2);
        assertThat(cli.run("--clients", "12", "--senders", "5", "--stalled", "5")).isEqualTo(2);
        assertThat(cli.run("--transport", "udp")).isEqualTo(2);
        assertThat(cli.run("--ws-path", "/socket")).isEqualTo(2);
        assertThat(cli.run("--transport", "ws", "--ws-path", "socket")).isEqualTo(2);
        assertThat(err()).contains("--transport udp is unknown (tcp or ws)", "--ws-path needs --transport ws",
                "--ws-path socket is not a path");
        assertThat(err()).contains("--scenario F9 is unknown", "--port 70000 is out of range (1-65535)",
                "not a whole number", "not a room name", "would include a sender", "Try 'chat-bench --help'");
    }

    private static BenchConfig parsed(String... args) throws Exception {
        return BenchCli.config(new DefaultParser().parse(BenchCli.options(), args));
    }

    @Test
    void sendersGoToTheSenderTargetAndTheOthersAreSpreadOverTheReceiverTargets() throws Exception {
        BenchConfig c = parsed("--clients", "12", "--senders", "3", "--sender-target", "127.0.0.1:7001",
                "--receiver-targets", "127.0.0.1:7002, [::1]:7003");
        InetSocketAddress n1 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 7001);
        InetSocketAddress n2 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 7002);
        InetSocketAddress n3 = new InetSocketAddress(InetAddress.getByName("::1"), 7003);
        assertThat(c.spread()).isTrue();
        assertThat(c.target()).as("results name the senders' address").isEqualTo(n1);
        assertThat(c.targetOf(0, true)).isEqualTo(n1);
        assertThat(c.targetOf(4, true)).isEqualTo(n1);
        assertThat(IntStream.range(0, 12).filter(i -> i % 4 != 0).mapToObj(i -> c.targetOf(i, false)))
                .containsOnly(n2, n3).filteredOn(n3::equals).hasSize(4);

        BenchConfig one = parsed("--port", "7005");
        assertThat(one.spread()).as("without the options every client goes to --host/--port").isFalse();
        assertThat(one.targetOf(0, true)).isEqualTo(one.targetOf(1, false)).isEqualTo(one.target());
        assertThat(parsed("--sender-target", "127.0.0.1:7001").targetOf(3, false)).as("receivers follow the senders")
                .isEqualTo(n1);
    }

    @Test
    void badTargetsAreUsageErrors() {
        assertThat(cli.run("--sender-target", "127.0.0.1")).isEqualTo(2);
        assertThat(cli.run("--receiver-targets", "127.0.0.1:6667,")).isEqualTo(2);
        assertThat(cli.run("--receiver-targets", "127.0.0.1:70000")).isEqualTo(2);
        assertThat(cli.run("--receiver-targets", "127.0.0.1:six")).isEqualTo(2);
        assertThat(cli.run("--sender-target", "192.0.2.1:6667")).isEqualTo(2);
        assertThat(err()).contains("--sender-target 127.0.0.1 is not HOST:PORT (e.g. 127.0.0.1:6667)",
                "--receiver-targets  is not HOST:PORT", "--receiver-targets 127.0.0.1:70000: the port is out of range",
                "--receiver-targets 127.0.0.1:six: the port is not a whole number",
                "--sender-target 192.0.2.1:6667 is not a loopback address");
    }

    @Test
    void nothingListeningIsAFailedRunNotACrash() {
        // Port 1 on loopback: nobody listens there, the connection is refused at once.
        assertThat(cli.run("--port", "1", "--clients", "2", "--senders", "1", "--setup-timeout", "2", "-q"))
                .isEqualTo(1);
        assertThat(out()).contains("NOT CLEAN");
        assertThat(err()).contains("cannot connect to");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void jsonRunAgainstOurDaemonReportsNoLoss() {
        try (ChatServer server = daemon()) {
            int code = cli.run("--port", Integer.toString(server.port()), "--scenario", "F1", "--clients", "10",
                    "--senders", "2", "--warmup", "0", "--duration", "1", "--room", "#cli", "--json");
            assertThat(code).as(err()).isZero();
        }
        assertThat(out().trim()).startsWith("{").endsWith("}")
                .contains("\"scenario\":\"F1\"", "\"clients\":10", "\"lost\":0", "\"ok\":true", "\"room\":\"#cli\"");
        assertThat(err()).contains("chat-bench:", "deliveries/s");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void webSocketRunAgainstOurDaemonSaysSoInItsJson() {
        try (ChatServer server = daemon()) {
            int code = cli.run("--transport", "ws", "--port", Integer.toString(server.web().httpPort()), "--clients", "8",
                    "--senders", "2", "--warmup", "0", "--duration", "1", "--json", "-q");
            assertThat(code).as(err()).isZero();
        }
        assertThat(out()).contains("\"scenario\":\"F1\",\"transport\":\"ws\",", "\"lost\":0", "\"ok\":true");
    }
}
