package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.ChatServer;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two daemons given one {@code cluster.node.id}: the second refuses to start with one line (exit 2 as a
 * program) and touches nothing of the first's; a node started again right after a crash waits out its
 * own stale lease and starts.
 */
@Timeout(120)
class NodeIdTest {
    private static final String IN_USE = "cluster.node.id=node-a is in use by another running daemon (its lease in"
            + " Redis is being renewed); give each node its own cluster.node.id";

    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    private ClusterNodes nodes;

    @BeforeEach
    void cluster() throws Exception {
        nodes = new ClusterNodes(PG);
    }

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    private ChatServer a;
    private ChatServer b;
    private IrcTestClient alice;
    private IrcTestClient bob;

    private void aliceOnNodeAAndBobOnNodeB() throws Exception {
        a = nodes.start("node-a");
        b = nodes.start("node-b");
        alice = nodes.user(a, "alice");
        bob = nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
    }

    @Test
    void aSecondDaemonWithALiveNodesIdRefusesToStartAndLeavesItAlone() throws Exception {
        aliceOnNodeAAndBobOnNodeB();

        assertThatThrownBy(() -> nodes.start("node-a")).isInstanceOf(ServerStartException.class).hasMessage(IN_USE)
                .satisfies(e -> assertThat(e.getStackTrace()).as("a message, not a trace").isEmpty());

        // node-a's users, claims and lease are untouched: alice's nick is still taken on node-b
        IrcTestClient other = nodes.connect(b);
        other.send("NICK alice");
        other.awaitContains(" 433 * alice ");
        alice.send("PRIVMSG #lobby :still here");
        bob.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG #lobby :still here");
        assertThat(nodes.redis().command("EXISTS chat:node:node-a:lease")).isEqualTo(":1");
        bob.sync();
        assertThat(bob.lines()).noneMatch(l -> l.contains(" QUIT "));
    }

    @Test
    void aNodeStartedAgainAfterACrashWaitsOutItsStaleLease() throws Exception {
        aliceOnNodeAAndBobOnNodeB();
        a.cluster().crash(); // as SIGKILL: the lease stays until it runs out

        ChatServer again = nodes.start("node-a");
        IrcTestClient carol = nodes.user(again, "carol");
        bob.awaitContains(":carol!~carol@127.0.0.1 JOIN #lobby");
        bob.awaitLine(l -> l.startsWith(":alice!") && l.contains(" QUIT :*.net *.split"));
        carol.send("PRIVMSG #lobby :back");
        bob.awaitContains(":carol!~carol@127.0.0.1 PRIVMSG #lobby :back");
    }

    @Test
    void asAProgramTheSecondExitsWith2AndOneLine() throws Exception {
        nodes.start("node-a");
        Path home = Files.createTempDirectory("nodeid");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=" + Path.of("../../conf/log4j2.xml").toAbsolutePath().normalize(),
                "-Dchat.log.dir=" + home.resolve("logs"), "org.chatroom.server.Main", "--home", home.toString()));
        Map<String, String> cfg = new TreeMap<>(nodes.config("node-a"));
        cfg.putAll(Map.of("bind", "127.0.0.1", "port", "0", "http.enabled", "false", "admin.enabled", "false",
                "data.dir", home.resolve("data").toString()));
        cfg.forEach((k, v) -> cmd.addAll(List.of("-o", k + "=" + v)));
        Path err = home.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile())
                .redirectOutput(home.resolve("stdout.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readAllLines(err, StandardCharsets.UTF_8)).containsExactly("chat-server: " + IN_USE);
    }
}
