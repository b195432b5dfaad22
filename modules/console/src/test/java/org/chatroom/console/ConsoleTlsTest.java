package org.chatroom.console;

import org.chatroom.client.cli.ClientOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.tls.KeystoreGenerator;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tls} with each way of trusting the daemon's self-signed certificate, and the refusals. */
@Timeout(60)
class ConsoleTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    static Path home;
    static String fingerprint;

    private ChatServer server;
    private Observer bob;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void makeKeystore() throws Exception {
        fingerprint = KeystoreGenerator.generate(ServerConfig.defaults(Map.of()).withHome(home)).sha256();
    }

    @BeforeEach
    void start() throws Exception {
        server = new ChatServer(ServerConfig.defaults(Map.of("port", "0", "http.port", "0", "bind", "127.0.0.1", "admin.enabled", "false",
                "worker.threads", "1", "tls.enabled", "true", "tls.port", "0",
                "tls.keystore", home.resolve("conf/chat-server.p12").toString(),
                "tls.password.file", home.resolve("conf/tls.password").toString())));
        server.start();
        bob = new Observer(server.port(), "bob");
    }

    @AfterEach
    void stop() {
        bob.close();
        server.close();
    }

    private int pipe(String stdin, String... args) {
        return new ConsoleApp(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> false).run(args);
    }

    private String[] tlsArgs(String nick, String... more) {
        String[] base = {"--host", "127.0.0.1", "--port", String.valueOf(server.tlsPort()), "--nick", nick, "--tls"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipeModeWithAPinnedFingerprintPostsTheMessage() {
        int code = pipe("hello over tls\n", tlsArgs("piper", "--trust-fingerprint", fingerprint.toLowerCase(Locale.ROOT)));
        assertThat(code).isZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.roomTexts()).containsExactly("hello over tls"));
        assertThat(errText()).isEmpty();
    }

    @Test
    void pipeModeWithATruststorePostsTheMessage() throws Exception {
        char[] serverPassword = Files.readString(home.resolve("conf/tls.password")).strip().toCharArray();
        KeyStore serverStore = KeyStore.getInstance(home.resolve("conf/chat-server.p12").toFile(), serverPassword);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("chat", serverStore.getCertificate(serverStore.aliases().nextElement()));
        Path file = home.resolve("trust.p12");
        try (OutputStream o = Files.newOutputStream(file)) {
            trust.store(o, "s3cret".toCharArray());
        }
        int code = pipe("stored trust\n", tlsArgs("keeper", "--truststore", file.toString(), "--truststore-password", "s3cret"));
        assertThat(code).isZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.roomTexts()).containsExactly("stored trust"));
    }

    @Test
    void untrustedServerIsRefusedWithItsFingerprintAndExitOne() {
        int code = pipe("never sent\n", tlsArgs("wary"));
        assertThat(code).isEqualTo(1);
        assertThat(errText().lines()).containsExactly("chat-console: cannot connect to 127.0.0.1:" + server.tlsPort()
                + ": the server's certificate is not trusted (self-signed: CN=chat.localhost). "
                + "If you trust it, connect with --trust-fingerprint " + fingerprint);
        assertThat(server.registry().byNick("wary")).isNull();
    }

    @Test
    void wrongPinIsRefusedNamingBothFingerprints() {
        String wrong = "AB:" + "00:".repeat(30) + "CD";
        int code = pipe("never sent\n", tlsArgs("pinned", "--trust-fingerprint", wrong));
        assertThat(code).isEqualTo(1);
        assertThat(errText().lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("chat-console: cannot connect to 127.0.0.1:" + server.tlsPort() + ": ")
                .contains("does not match the pinned fingerprint", "expected " + wrong, "presented " + fingerprint));
    }

    @Test
    void terminalModeShowsTheRefusalAndStopsInsteadOfReconnecting() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (Terminal terminal = TerminalBuilder.builder().system(false).streams(new PipedInputStream(keys), screen)
                .type("dumb").encoding(StandardCharsets.UTF_8).build()) {
            ClientOptions options = new ClientOptions("127.0.0.1", server.tlsPort(), "wary", true);
            Future<Integer> code = runner.submit(() -> new TerminalSession(options, ClientFactory.defaults(), terminal).run());
            assertThat(code.get(20, TimeUnit.SECONDS)).isEqualTo(1);
            String shown = screen.toString(StandardCharsets.UTF_8);
            assertThat(shown).contains("!!! disconnected: cannot connect to 127.0.0.1:" + server.tlsPort()
                    + ": the server's certificate is not trusted (self-signed: CN=chat.localhost). "
                    + "If you trust it, connect with --trust-fingerprint " + fingerprint);
            assertThat(shown).doesNotContain("reconnecting");
        } finally {
            runner.shutdownNow();
        }
        assertThat(bob.of(ChatEvent.Joined.class)).noneSatisfy(j -> assertThat(j.nick()).isEqualTo("wary"));
    }

    @Test
    void tlsToThePlainPortSaysSo() {
        int code = pipe("never sent\n", "--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--nick", "odd",
                "--tls", "--trust-fingerprint", fingerprint);
        assertThat(code).isEqualTo(1);
        assertThat(errText().lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("chat-console: cannot connect to 127.0.0.1:" + server.port() + ": ")
                .endsWith("a plain-text port?"));
    }
}
