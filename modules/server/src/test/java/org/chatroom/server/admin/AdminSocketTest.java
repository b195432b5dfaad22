package org.chatroom.server.admin;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.AdminTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.chatroom.server.ChatServer;
import org.chatroom.server.context.ServerStartException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The socket itself: who may use it, its life cycle, and the protocol's framing and errors. */
@Timeout(30)
class AdminSocketTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    @BeforeEach
    void setUp() throws Exception {
    }


    @Test
    void socketAndItsFolderAreOwnerOnly() throws Exception {
        fx.start();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.socket()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.socket().getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.getOwner(fx.socket())).isEqualTo(Files.getOwner(fx.dir()));
    }

    /**
     * The peer-credential check, the last guard if an operator loosens the file modes: a client
     * running as another user (nobody, via setpriv) is refused. Needs root to switch users.
     */
    @Test
    void anotherUserIsRefusedEvenIfTheFileModeLetsThemIn() throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(setpriv), "needs setpriv");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.getOwner(fx.dir()).getName().equals("root"), "needs root to run a client as another user");
        fx.start();
        Files.setPosixFilePermissions(fx.dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(fx.socket().getParent(), PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(fx.socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
        Path probe = fx.dir().resolve("Probe.java");
        Files.writeString(probe, String.join("\n",
                "import java.net.*; import java.nio.*; import java.nio.channels.*;",
                "public class Probe { public static void main(String[] a) throws Exception {",
                "  try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(a[0]))) {",
                "    c.write(ByteBuffer.wrap(\"ping\\n\".getBytes()));",
                "    ByteBuffer b = ByteBuffer.allocate(200); StringBuilder sb = new StringBuilder();",
                "    while (c.read(b) > 0) { b.flip(); while (b.hasRemaining()) sb.append((char) b.get()); b.clear(); }",
                "    System.out.print(sb); } } }"));
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rw-r--r--"));
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(setpriv.toString(), "--reuid", "65534", "--regid", "65534", "--clear-groups",
                javaBin, "-Xshare:off", probe.toString(), fx.socket().toString())
                .directory(fx.dir().toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).startsWith("ERR 500 access denied").doesNotContain("PONG");
    }

    @Test
    void socketFileIsRemovedOnClose() throws Exception {
        ChatServer s = fx.start();
        assertThat(fx.socket()).exists();
        s.close();
        assertThat(fx.socket()).doesNotExist();
    }

    @Test
    void staleSocketFromACrashIsReplaced() throws Exception {
        Files.createDirectories(fx.socket().getParent());
        // A bound-then-closed socket leaves its file behind, as a killed daemon does.
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(fx.socket()));
        dead.close();
        assertThat(fx.socket()).exists();
        fx.start();
        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("ping").body()).containsExactly("PONG");
        }
    }

    @Test
    void secondDaemonRefusesToStartWhileTheFirstAnswers() throws Exception {
        fx.start();
        assertThatThrownBy(() -> new ChatServer(org.chatroom.server.config.ServerConfig.defaults(fx.overrides())).start())
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("already running")
                .hasMessageContaining(fx.socket().toString());
        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("ping").ok()).as("the first daemon still serves").isTrue();
        }
    }

    @Test
    void aFileThatIsNotASocketIsLeftAlone() throws Exception {
        Files.createDirectories(fx.socket().getParent());
        Files.writeString(fx.socket(), "precious");
        assertThatThrownBy(fx::start).isInstanceOf(ServerStartException.class).hasMessageContaining("is not a socket");
        assertThat(Files.readString(fx.socket())).isEqualTo("precious");
    }

    @Test
    void disabledAdminMeansNoSocket() throws Exception {
        fx.start(java.util.Map.of("admin.enabled", "false"));
        assertThat(fx.socket()).doesNotExist();
    }

    @Test
    void severalRequestsOnOneConnectionEachEndWithAnEmptyLine() throws Exception {
        fx.start();
        try (AdminTestClient a = fx.admin()) {
            a.send("ping");
            a.send("version");
            a.send("PING");
            assertThat(a.nextLine()).isEqualTo("OK");
            assertThat(a.nextLine()).isEqualTo("PONG");
            assertThat(a.nextLine()).isEmpty();
            AdminTestClient.Reply v = a.reply();
            assertThat(v.ok()).isTrue();
            assertThat(v.body()).anyMatch(l -> l.startsWith("version=")).contains("server=chat.localhost");
            assertThat(a.reply().body()).containsExactly("PONG");
        }
    }

    @Test
    void everyErrorPathAnswersErrAndTheConnectionStaysUsable() throws Exception {
        fx.start();
        try (AdminTestClient a = fx.admin()) {
            expectErr(a, "frobnicate", "ERR 101 unknown command 'frobnicate'");
            expectErr(a, "info", "ERR 104 too few arguments: usage: info NICK");
            expectErr(a, "list everyone", "ERR 105 too many arguments: usage: list");
            expectErr(a, "kick \"unterminated", "ERR 100 unterminated quote");
            expectErr(a, "kick nobody", "ERR 300 no such nick: nobody");
            expectErr(a, "ban \"\"", "ERR 106 '' is not a mask");
            expectErr(a, "ban alice 0m", "ERR 106 a ban of 0");
            expectErr(a, "topic #nowhere hello", "ERR 300 no such room: #nowhere");
            expectErr(a, "unban nobody", "ERR 300 no ban on nobody!*@*");
            expectErr(a, "--json", "ERR 100 empty command");

            a.sendRaw(("say " + "x".repeat(10_000) + "\n").getBytes(StandardCharsets.UTF_8));
            assertThat(a.reply().status()).isEqualTo("ERR 100 line too long (at most 4096 bytes)");
            a.sendRaw(new byte[] {'l', 'i', (byte) 0xff, (byte) 0xfe, 's', 't', '\n'});
            assertThat(a.reply().status()).isEqualTo("ERR 100 the line is not UTF-8 text");
            a.sendRaw(new byte[] {'p', 0, 0x1b, '[', 'A', '\n'});
            assertThat(a.reply().status()).startsWith("ERR 100 the line holds a control character");

            assertThat(a.call("ping").body()).as("still usable after all that").containsExactly("PONG");
        }
    }

    @Test
    void jsonGivesOneDocumentAndErrorsStayPlain() throws Exception {
        fx.start();
        try (AdminTestClient a = fx.admin()) {
            AdminTestClient.Reply r = a.call("stats --json");
            assertThat(r.body()).hasSize(1);
            assertThat(r.body().get(0)).startsWith("{\"version\":").contains("\"connections\":0");
            assertThat(a.call("info --json nobody").status()).isEqualTo("ERR 300 no such nick: nobody");
        }
    }

    @Test
    void idleAdminConnectionsAreClosed() throws Exception {
        ChatServer s = fx.start(java.util.Map.of("admin.enabled", "false"));
        BanList bans = new BanList(s.context().store(), List.of(), s.context());
        try (AdminSocket sock = AdminSocket.open(fx.socket(), new AdminCommands(new AdminEnv(s, bans)), s.context(),
                Duration.ofMillis(300));
             AdminTestClient a = new AdminTestClient(fx.socket())) {
            assertThat(a.call("ping").ok()).isTrue();
            assertThat(a.awaitClosed()).containsExactly("ERR 500 idle timeout (300ms), closing", "");
        }
    }

    @Test
    void connectionsPastTheLimitAreRefusedWithAReason() throws Exception {
        fx.start();
        List<AdminTestClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < AdminSocket.MAX_CONNECTIONS; i++) {
                AdminTestClient c = fx.admin();
                open.add(c);
                assertThat(c.call("ping").ok()).isTrue();
            }
            try (AdminTestClient extra = fx.admin()) {
                assertThat(extra.awaitClosed()).containsExactly("ERR 500 too many admin connections (16)", "");
            }
            open.remove(0).close();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                try (AdminTestClient again = fx.admin()) {
                    assertThat(again.call("ping").ok()).isTrue();
                }
            });
        } finally {
            for (AdminTestClient c : open) {
                c.close();
            }
        }
    }

    @Test
    void connectionsLeftIdleDoNotLockTheOperatorOut() throws Exception {
        ChatServer s = fx.start(java.util.Map.of("admin.enabled", "false"));
        BanList bans = new BanList(s.context().store(), List.of(), s.context());
        List<AdminTestClient> open = new java.util.ArrayList<>();
        try (AdminSocket sock = AdminSocket.open(fx.socket(), new AdminCommands(new AdminEnv(s, bans)), s.context(),
                Duration.ofMinutes(10), Duration.ofMillis(300))) {
            for (int i = 0; i < AdminSocket.MAX_CONNECTIONS; i++) {
                AdminTestClient c = new AdminTestClient(fx.socket());
                open.add(c);
                assertThat(c.call("ping").ok()).isTrue();
            }
            // Well inside the 10-minute idle timeout, a new connection gets the slot of the idlest one.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                try (AdminTestClient late = new AdminTestClient(fx.socket())) {
                    assertThat(late.call("ping").ok()).isTrue();
                }
            });
            assertThat(open.get(0).awaitClosed()).hasSize(2).first().asString()
                    .startsWith("ERR 500 closed after ").endsWith(" idle: all 16 admin connections were taken and"
                            + " another one was waiting");
        } finally {
            for (AdminTestClient c : open) {
                c.close();
            }
        }
    }

    @Test
    void quitEndsTheConnection() throws Exception {
        fx.start();
        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("quit").ok()).isTrue();
            assertThat(a.awaitClosed()).isEmpty();
        }
    }

    private static void expectErr(AdminTestClient a, String request, String statusPrefix) throws Exception {
        AdminTestClient.Reply r = a.call(request);
        assertThat(r.status()).as(request).startsWith(statusPrefix);
        assertThat(r.body()).as("errors have no body").isEmpty();
    }
}
