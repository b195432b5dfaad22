package org.chatroom.server.admin;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.AdminTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.config.ServerConfigLoader;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** reload (live keys applied, restart keys reported, a bad file changes nothing) and shutdown. */
@Timeout(30)
class ReloadAndShutdownTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();
    private Path file;
    private ChatServer server;

    @BeforeEach
    void setUp() throws Exception {
        file = fx.dir().resolve("chat.properties");
        Files.writeString(file, "max.clients=100\nserver.name=chat.localhost\n");
        Files.writeString(fx.dir().resolve("motd.txt"), "first motd\n");
        Map<String, String> overrides = fx.overrides();
        server = new ChatServer(ServerConfigLoader.load(file, overrides, fx.dir()))
                .configSource(() -> ServerConfigLoader.load(file, overrides, fx.dir())).start();
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    @Test
    void reloadAppliesLiveKeysAndNamesTheOnesNeedingARestart() throws Exception {
        Files.writeString(file, "max.clients=5\nserver.name=other.example\nping.interval=45s\n");
        Files.writeString(fx.dir().resolve("motd.txt"), "second motd\n");
        try (AdminTestClient a = new AdminTestClient(fx.socket())) {
            AdminTestClient.Reply r = a.call("reload");
            assertThat(r.body()).containsExactly(
                    "key=server.name status=needs-restart",
                    "key=max.clients status=applied",
                    "key=ping.interval status=applied",
                    "key=motd status=re-read");
            assertThat(server.context().config().get(ServerConfigKeys.MAX_CLIENTS)).isEqualTo(5);
            assertThat(server.context().config().get(ServerConfigKeys.PING_INTERVAL)).isEqualTo(Duration.ofSeconds(45));
            assertThat(server.context().config().get(ServerConfigKeys.SERVER_NAME)).as("needs a restart")
                    .isEqualTo("chat.localhost");
            assertThat(server.context().motd()).containsExactly("second motd");
            assertThat(server.context().config().port()).as("command-line overrides still win").isZero();
            try (IrcTestClient c = IrcTestClient.registered(server.port(), "late")) {
                c.awaitContains("second motd");
            }
        }
    }

    @Test
    void aBadFileChangesNothing() throws Exception {
        Files.writeString(file, "max.clients=5\nmax.clinets=7\n");
        try (AdminTestClient a = new AdminTestClient(fx.socket())) {
            AdminTestClient.Reply r = a.call("reload");
            assertThat(r.status()).startsWith("ERR 300 reload failed, nothing changed: " + file)
                    .contains("unknown key 'max.clinets' (did you mean 'max.clients'?)");
            assertThat(server.context().config().get(ServerConfigKeys.MAX_CLIENTS)).isEqualTo(100);
        }
    }

    @Test
    void keysMaskedByTheCommandLineAreCheckedAndNamed() throws Exception {
        Files.writeString(file, "max.clients=100\nport=sixty-six\n");
        try (AdminTestClient a = new AdminTestClient(fx.socket())) {
            AdminTestClient.Reply bad = a.call("reload");
            assertThat(bad.status()).isEqualTo("ERR 300 reload failed, nothing changed: " + file
                    + ": port=sixty-six is not a whole number (0-65535) (the command line overrides port, but the file"
                    + " is checked too)");
            Files.writeString(file, "max.clients=100\nport=7000\n");
            assertThat(a.call("reload").body()).containsExactly("key=port status=overridden-on-command-line",
                    "key=motd status=re-read");
            assertThat(server.context().config().port()).isZero();
        }
    }

    @Test
    void reloadWithoutAFileIsRefused() throws Exception {
        server.configSource(null);
        try (AdminTestClient a = new AdminTestClient(fx.socket())) {
            assertThat(a.call("reload").status()).startsWith("ERR 300 the daemon was not started from a configuration file");
        }
    }

    @Test
    void shutdownTellsEveryUserThenStopsCleanly() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob");
             AdminTestClient a = new AdminTestClient(fx.socket())) {
            AdminTestClient.Reply r = a.call("shutdown back in 5 minutes");
            assertThat(r.body()).containsExactly("shutting down (2 users told)");
            for (IrcTestClient c : new IrcTestClient[] {alice, bob}) {
                c.awaitContains("NOTICE " + (c == alice ? "alice" : "bob") + " :back in 5 minutes");
                c.awaitContains("ERROR :Closing link: server shutting down");
                c.awaitClosed();
            }
            server.closeFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(server.isClosed()).isTrue();
            assertThat(a.awaitClosed()).allMatch(l -> l.isEmpty() || l.startsWith("ERR 500"));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(fx.socket()).doesNotExist());
        }
    }
}
