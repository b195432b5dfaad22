package org.chatroom.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import org.chatroom.client.ReconnectPolicy;
import org.chatroom.client.ServerCertificate;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.tls.KeystoreGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The presenter with real connections against the daemon's TLS listener and a self-signed
 * certificate: refused, the user is asked, accepts, and is connected; the next run trusts the
 * remembered certificate without asking. No display needed: the prompt is a stand-in.
 */
@Timeout(60)
class DesktopTlsTrustTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path home;
    static String fingerprint;

    private ChatServer server;
    private Preferences node;
    private final List<ChatPresenter> presenters = new ArrayList<>();

    @BeforeAll
    static void makeKeystore() throws Exception {
        fingerprint = KeystoreGenerator.generate(ServerConfig.defaults(Map.of()).withHome(home)).sha256();
    }

    @BeforeEach
    void start() {
        server = new ChatServer(ServerConfig.defaults(Map.of("port", "0", "http.port", "0", "bind", "127.0.0.1", "admin.enabled", "false",
                "worker.threads", "1", "motd.file", "target/none", "tls.enabled", "true", "tls.port", "0",
                "tls.keystore", home.resolve("conf/chat-server.p12").toString(),
                "tls.password.file", home.resolve("conf/tls.password").toString()))).start();
        node = Preferences.userRoot().node("org/chatroom/swing-tls-test-" + ProcessHandle.current().pid());
    }

    @AfterEach
    void stop() throws Exception {
        for (ChatPresenter p : presenters) {
            p.gateway().close();
        }
        server.close();
        node.removeNode();
        node.flush();
    }

    /** A presenter on the test thread, like GuiApp builds it, with {@code prompt} standing in for the dialog. */
    private ChatPresenter presenter(TestUi ui, CertificatePrompt prompt) {
        GuiOptions options = new GuiOptions("127.0.0.1", server.tlsPort(), null, true, 500);
        ClientGateways gateways = new ClientGateways(options,
                new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0), new GuiPreferences(node).certificatePins());
        ChatPresenter p = new ChatPresenter(new ChatModel(ui, 500), ui, gateways, Instant::now, prompt);
        presenters.add(p);
        return p;
    }

    private static String connect(TestUi ui, ChatPresenter p) {
        CompletableFuture<String> done = p.connect("gina", true);
        await().atMost(WAIT).pollInSameThread().until(() -> {
            ui.drain();
            return done.isDone();
        });
        return done.join();
    }

    @Test
    void untrustedCertificateIsShownAcceptedRememberedAndTrustedNextTime() {
        TestUi ui = new TestUi();
        List<ServerCertificate> asked = new ArrayList<>();
        ChatPresenter first = presenter(ui, (server, cert) -> asked.add(cert));

        assertThat(connect(ui, first)).isEqualTo("gina");
        assertThat(asked).singleElement().satisfies(cert -> {
            assertThat(cert.sha256()).isEqualTo(fingerprint);
            assertThat(cert.selfSigned()).isTrue();
        });
        assertThat(first.model().status()).isEqualTo("connected as gina to 127.0.0.1:" + server.tlsPort());
        assertThat(server.registry().byNick("gina").tls()).isTrue();
        assertThat(new GuiPreferences(node).certificatePins().pinned("127.0.0.1:" + server.tlsPort()))
                .contains(fingerprint);
        first.quit("");
        await().atMost(WAIT).pollInSameThread().until(() -> {
            ui.drain();
            return first.finished().isDone();
        });

        ChatPresenter next = presenter(ui, (server, cert) -> {
            throw new AssertionError("asked again for " + cert.sha256());
        });
        assertThat(connect(ui, next)).isEqualTo("gina");
    }

    @Test
    void refusedCertificateLeavesTheLoginDialogWithTheFingerprintAndRemembersNothing() {
        TestUi ui = new TestUi();
        ChatPresenter p = presenter(ui, (server, cert) -> false);
        CompletableFuture<String> done = p.connect("gina", true);
        await().atMost(WAIT).pollInSameThread().until(() -> {
            ui.drain();
            return done.isDone();
        });
        assertThat(done.handle((v, e) -> e.getMessage()).join()).contains("does not trust", fingerprint);
        assertThat(new GuiPreferences(node).certificatePins().pinned("127.0.0.1:" + server.tlsPort())).isEmpty();
    }
}
