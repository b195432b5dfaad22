package org.chatroom.admin;

import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The CLI against a real daemon: output for people and for scripts, and every exit status. */
@Timeout(30)
class AdminCliTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    @BeforeEach
    void setUp() throws Exception {
    }

    @AfterEach
    void tearDown() throws Exception {
    }

    private String sock() {
        return fx.socket().toString();
    }

    @Test
    void noDaemonExitsThreeWithOneClearLine() {
        for (String command : new String[] {"list", "kick alice", "monitor", "stats", "shutdown"}) {
            String[] words = command.split(" ");
            String[] args = new String[words.length + 2];
            args[0] = "--socket";
            args[1] = sock();
            System.arraycopy(words, 0, args, 2, words.length);
            Run r = Run.of(args);
            assertThat(r.code()).as(command).isEqualTo(3);
            assertThat(r.err()).isEqualTo("chat-admin: chat-server is not running: no socket at " + fx.socket() + "\n");
            assertThat(r.out()).isEmpty();
        }
        assertThat(Run.of("--socket", sock()).code()).as("the console too").isEqualTo(3);
    }

    @Test
    void staleSocketExitsThree() throws Exception {
        Files.createDirectories(fx.socket().getParent());
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(fx.socket()));
        dead.close();
        Run r = Run.of("--socket", sock(), "list");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("chat-admin: chat-server is not running: nothing answers on " + fx.socket());
    }

    @Test
    void socketPathComesFromTheDaemonsConfigFile() throws Exception {
        Path conf = fx.dir().resolve("conf");
        Files.createDirectories(conf);
        Path file = conf.resolve("chat-server.properties");
        Files.writeString(file, "port=6667\nadmin.socket=run/other.sock\n");
        Run viaConf = Run.of("--config", file.toString(), "list");
        assertThat(viaConf.code()).isEqualTo(3);
        assertThat(viaConf.err()).contains("no socket at " + fx.dir().resolve("run/other.sock"));

        Path elsewhere = fx.dir().resolve("etc.properties");
        Files.writeString(elsewhere, "admin.socket=s/a.sock\n");
        Run viaHome = Run.of("--config", elsewhere.toString(), "--home", fx.dir().resolve("h").toString(), "list");
        assertThat(viaHome.err()).contains("no socket at " + fx.dir().resolve("h/s/a.sock"));

        Files.writeString(file, "admin.enabled=false\n");
        assertThat(Run.of("--config", file.toString(), "list").err())
                .isEqualTo("chat-admin: chat-server has no admin socket: admin.enabled=false in " + file + "\n");

        Run missing = Run.of("--config", fx.dir().resolve("nope.properties").toString(), "list");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.properties: no such file");
    }

    @Test
    void helpAndVersionNeedNoDaemon() {
        Run help = Run.of("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--socket", "--config", "--json", "Exit status");
        Run version = Run.of("-V");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("chat-admin ");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(Run.of("--frobnicate").code()).isEqualTo(2);
        fx.start();
        Run unknown = Run.of("--socket", sock(), "frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("chat-admin: unknown command 'frobnicate' (try help)\n");
        Run few = Run.of("--socket", sock(), "info");
        assertThat(few.code()).isEqualTo(2);
        assertThat(few.err()).contains("too few arguments: usage: info NICK");
        assertThat(Run.of("--socket", sock(), "ban", "alice", "0h").code()).as("bad value").isEqualTo(2);
        Run typo = Run.of("--socket", sock(), "ban", "troll", "5x");
        assertThat(typo.code()).as("a duration-shaped typo").isEqualTo(2);
        assertThat(typo.err()).startsWith("chat-admin: '5x' is not a duration (").endsWith("permanent\n")
                .doesNotContain("\n\n");
        assertThat(Run.of("--socket", sock(), "ban", "foo", "999999999999999999d", "x").code()).isEqualTo(2);
        assertThat(Run.of("--socket", sock(), "bans").out()).isEqualTo("no bans\n");
    }

    @Test
    void listShowsBothUsersAlignedLikePs() throws Exception {
        fx.start();
        try (IrcTestClient alice = fx.user("alice"); IrcTestClient bob = fx.user("bob")) {
            Run r = Run.of("--socket", sock(), "list");
            assertThat(r.code()).isZero();
            String[] lines = r.out().split("\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).matches("NICK +USER +ADDR +ROOMS +AGE +IDLE +MSGS +TLS");
            assertThat(lines[1]).startsWith("alice ").contains("@127.0.0.1", "#lobby").endsWith(" no");
            assertThat(lines[2]).startsWith("bob ");
            int col = lines[0].indexOf("ADDR");
            assertThat(lines[1].charAt(col - 1)).isEqualTo(' ');
            assertThat(lines[1].substring(col)).startsWith("127.0.0.1:");
            assertThat(lines[2].substring(col)).startsWith("127.0.0.1:");
        }
    }

    @Test
    void jsonIsTheDaemonsDocumentWhereverTheOptionIs() throws Exception {
        fx.start();
        try (IrcTestClient alice = fx.user("alice")) {
            for (Run r : new Run[] {Run.of("--json", "--socket", sock(), "list"), Run.of("--socket", sock(), "list", "--json")}) {
                assertThat(r.code()).isZero();
                assertThat(r.out()).startsWith("[{\"nick\":\"alice\",").endsWith("}]\n");
            }
        }
    }

    @Test
    void infoAndStatsPrintAlignedRecords() throws Exception {
        fx.start();
        try (IrcTestClient alice = fx.user("alice")) {
            Run info = Run.of("--socket", sock(), "info", "alice");
            assertThat(info.out()).contains("nick       alice\n", "rooms      #lobby\n", "away       -\n");
            Run stats = Run.of("--socket", sock(), "stats");
            assertThat(stats.code()).isZero();
            assertThat(stats.out()).containsPattern("(?m)^users +1$").containsPattern("(?m)^heap_max +[0-9.]+ [KMG]iB$")
                    .containsPattern("(?m)^uptime +\\d+s$");
        }
    }

    @Test
    void kickActsAndAnUnknownNickExitsOne() throws Exception {
        fx.start();
        try (IrcTestClient alice = fx.user("alice"); IrcTestClient troll = fx.user("troll")) {
            Run ok = Run.of("--socket", sock(), "kick", "troll", "spamming links");
            assertThat(ok.code()).isZero();
            assertThat(ok.out()).isEqualTo("kicked troll\n");
            alice.awaitContains("KICK #lobby troll :spamming links");
            Run ghost = Run.of("--socket", sock(), "kick", "ghost");
            assertThat(ghost.code()).isEqualTo(1);
            assertThat(ghost.err()).isEqualTo("chat-admin: no such nick: ghost\n");
        }
    }

    @Test
    void banUnbanAndBans() throws Exception {
        fx.start();
        assertThat(Run.of("--socket", sock(), "ban", "mallory!*@*", "2h", "impersonation").code()).isZero();
        Run bans = Run.of("--socket", sock(), "bans");
        assertThat(bans.out()).containsPattern("MASK +EXPIRES +LEFT +SET_BY +REASON")
                .containsPattern("mallory!\\*@\\* +20\\S+Z +1h59m|2h00m");
        assertThat(bans.out()).contains("impersonation");
        assertThat(Run.of("--socket", sock(), "unban", "mallory").code()).isZero();
        assertThat(Run.of("--socket", sock(), "bans").out()).isEqualTo("no bans\n");
        Run again = Run.of("--socket", sock(), "unban", "mallory");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("chat-admin: no ban on mallory!*@*\n");
    }

    @Test
    void sayReachesEveryone() throws Exception {
        fx.start();
        try (IrcTestClient alice = fx.user("alice"); IrcTestClient bob = fx.user("bob")) {
            assertThat(Run.of("--socket", sock(), "say", "back in 5 minutes").out()).isEqualTo("sent to 2 users\n");
            alice.awaitContains("NOTICE alice :back in 5 minutes");
            bob.awaitContains("NOTICE bob :back in 5 minutes");
        }
    }

    @Test
    void monitorStreamsUntilTheDaemonGoesAway() throws Exception {
        fx.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AdminCli cli = new AdminCli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> cli.run(new String[] {"--socket", sock(), "monitor"}));
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.server().context().events() != null && monitoring());
        try (IrcTestClient alice = fx.user("alice")) {
            alice.send("PRIVMSG #lobby :hello admin");
            await().atMost(Duration.ofSeconds(5)).until(() -> out.toString(StandardCharsets.UTF_8)
                    .contains("msg room=#lobby nick=alice text=hello admin"));
        }
        fx.server().close();
        assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("chat-admin: the daemon is shutting down\n");
    }

    /** True once a monitor listens: a user's connection then shows up in the stream. */
    private boolean monitoring() throws Exception {
        java.lang.reflect.Field f = org.chatroom.server.event.ChatEvents.class.getDeclaredField("listeners");
        f.setAccessible(true);
        return !((java.util.List<?>) f.get(fx.server().context().events())).isEmpty();
    }

    @Test
    void pipedRequestsRunInOrderAndTheStatusIsTheLastFailure() throws Exception {
        fx.start();
        try (IrcTestClient alice = fx.user("alice")) {
            Run r = Run.withInput(new ByteArrayInputStream("nicks\n\nkick ghost\nrooms\n".getBytes(StandardCharsets.UTF_8)),
                    "--socket", sock());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).startsWith("alice\nROOM ").contains("#lobby");
            assertThat(r.err()).isEqualTo("chat-admin: no such nick: ghost\n");
        }
    }

    @Test
    void shutdownStopsTheDaemon() throws Exception {
        fx.start();
        try (IrcTestClient alice = fx.user("alice")) {
            Run r = Run.of("--socket", sock(), "shutdown", "maintenance");
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo("shutting down (1 users told)\n");
            alice.awaitContains("NOTICE alice :maintenance");
            fx.server().closeFuture().get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(fx.socket()));
        }
        assertThat(Run.of("--socket", sock(), "list").code()).isEqualTo(3);
    }
}
