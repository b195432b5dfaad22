package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.tls.KeystoreGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The three ways to trust a server, and the refusals, against the daemon's TLS listener with a self-signed certificate. */
@Timeout(60)
class TlsTrustTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    static Path home;
    @TempDir
    static Path other;
    static String fingerprint;
    static String otherFingerprint;
    static Certificate serverCert;

    private ChatServer server;
    private final Clients clients = new Clients();

    @BeforeAll
    static void makeKeystores() throws Exception {
        fingerprint = KeystoreGenerator.generate(ServerConfig.defaults(Map.of()).withHome(home)).sha256();
        otherFingerprint = KeystoreGenerator.generate(ServerConfig.defaults(Map.of("server.name", "elsewhere.test"))
                .withHome(other)).sha256();
        serverCert = certificateOf(home);
    }

    @BeforeEach
    void start() {
        server = new ChatServer(ServerConfig.defaults(Map.of("port", "0", "http.port", "0", "bind", "127.0.0.1", "admin.enabled", "false",
                "worker.threads", "1", "tls.enabled", "true", "tls.port", "0",
                "tls.keystore", home.resolve("conf/chat-server.p12").toString(),
                "tls.password.file", home.resolve("conf/tls.password").toString(),
                "data.dir", home.resolve("data").toString()))).start();
    }

    @AfterEach
    void stop() {
        clients.close();
        server.close();
    }

    @Test
    void pinnedFingerprintConnectsAndChats() throws Exception {
        EventLog bobLog = new EventLog();
        ChatClient bob = clients.client(clients.config(server.port(), "bob").build(), bobLog);
        bob.connect().get(10, TimeUnit.SECONDS);
        String lowerNoColons = fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
        ChatClient alice = clients.client(clients.config(server.tlsPort(), "alice").tls(true)
                .trust(TlsTrust.fingerprint(lowerNoColons)).build(), new EventLog());
        assertThat(alice.connect().get(10, TimeUnit.SECONDS)).isEqualTo("alice");
        assertThat(alice.say("#lobby", "pinned and private")).isTrue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bobLog.of(ChatEvent.RoomMessage.class))
                .singleElement().satisfies(m -> {
                    assertThat(m.nick()).isEqualTo("alice");
                    assertThat(m.text()).isEqualTo("pinned and private");
                }));
        assertThat(server.registry().byNick("alice").tls()).isTrue();
    }

    @Test
    void jdkTrustRefusesTheSelfSignedServerShowingItsFingerprintAndDoesNotRetry() throws Exception {
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(server.tlsPort(), "wary").tls(true).reconnect(true).build(), log);
        assertThatThrownBy(() -> c.connect().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ChatConnectException.class, e -> {
                    assertThat(e.disconnectCause()).isEqualTo(DisconnectCause.UNTRUSTED_CERTIFICATE);
                    assertThat(e.getMessage()).isEqualTo("cannot connect to 127.0.0.1:" + server.tlsPort()
                            + ": the server's certificate is not trusted (self-signed: CN=chat.localhost). "
                            + "If you trust it, connect with --trust-fingerprint " + fingerprint);
                    assertThat(e.certificate()).get().satisfies(cert -> {
                        assertThat(cert.sha256()).isEqualTo(fingerprint);
                        assertThat(cert.selfSigned()).isTrue();
                        assertThat(cert.names()).contains("chat.localhost", "localhost", "127.0.0.1");
                    });
                });
        ConnectionState end = c.terminated().get(5, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.UNTRUSTED_CERTIFICATE);
        assertThat(c.rejectedCertificate()).get().extracting(ServerCertificate::sha256).isEqualTo(fingerprint);
        assertThat(log.states()).containsExactly(ConnectionState.Status.CONNECTING, ConnectionState.Status.DISCONNECTED);
    }

    @Test
    void truststoreHoldingTheServerCertificateConnects() throws Exception {
        Path p12 = truststore("PKCS12", "changeit".toCharArray(), serverCert);
        ChatClient c = clients.client(clients.config(server.tlsPort(), "stored").tls(true)
                .trust(TlsTrust.truststore(p12, "changeit".toCharArray())).reconnect(false).build(), new EventLog());
        assertThat(c.connect().get(10, TimeUnit.SECONDS)).isEqualTo("stored");

        Path jks = truststore("JKS", "changeit".toCharArray(), serverCert);
        ChatClient d = clients.client(clients.config(server.tlsPort(), "jks").tls(true)
                .trust(TlsTrust.truststore(jks, null)).reconnect(false).build(), new EventLog());
        assertThat(d.connect().get(10, TimeUnit.SECONDS)).isEqualTo("jks");
    }

    @Test
    void truststoreWithoutTheServerCertificateRefusesIt() throws Exception {
        Path p12 = truststore("PKCS12", "changeit".toCharArray(), certificateOf(other));
        ChatClient c = clients.client(clients.config(server.tlsPort(), "strict").tls(true)
                .trust(TlsTrust.truststore(p12, "changeit".toCharArray())).build(), new EventLog());
        c.connect();
        ConnectionState end = c.terminated().get(10, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.UNTRUSTED_CERTIFICATE);
        assertThat(end.reason()).contains("is not trusted by truststore " + p12.getFileName() + " (self-signed: CN=chat.localhost)",
                "--trust-fingerprint " + fingerprint);
    }

    @Test
    void truststoreTrustAlsoNeedsTheCertificateToNameTheHost() throws Exception {
        Path keystore = other.resolve("named.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "named", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=only.example", "-ext", "SAN=dns:only.example", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        KeyStore ks = KeyStore.getInstance(keystore.toFile(), "changeit".toCharArray());
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, "changeit".toCharArray());
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        try (javax.net.ssl.SSLServerSocket listener = (javax.net.ssl.SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) listener.accept()) {
                    s.startHandshake();
                } catch (IOException expected) {
                    // the client gives up in the handshake
                }
            }, "named-tls-server");
            acceptor.setDaemon(true);
            acceptor.start();
            Path trust = truststore("PKCS12", "changeit".toCharArray(), ks.getCertificate("named"));
            ChatClient c = clients.client(clients.config(listener.getLocalPort(), "named").tls(true)
                    .trust(TlsTrust.truststore(trust, "changeit".toCharArray())).build(), new EventLog());
            c.connect();
            ConnectionState end = c.terminated().get(10, TimeUnit.SECONDS);
            assertThat(end.cause()).isEqualTo(DisconnectCause.UNTRUSTED_CERTIFICATE);
            assertThat(end.reason()).isEqualTo("cannot connect to 127.0.0.1:" + listener.getLocalPort()
                    + ": the server's certificate is for only.example, not for 127.0.0.1. If you trust it, "
                    + "connect with --trust-fingerprint " + c.rejectedCertificate().orElseThrow().sha256());
            acceptor.join(5000);
        }
    }

    @Test
    void wrongPinIsRefusedNamingBothFingerprints() throws Exception {
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(server.tlsPort(), "pinned").tls(true)
                .trust(TlsTrust.fingerprint(otherFingerprint)).build(), log);
        c.connect();
        ConnectionState end = c.terminated().get(10, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.UNTRUSTED_CERTIFICATE);
        assertThat(end.reason()).isEqualTo("cannot connect to 127.0.0.1:" + server.tlsPort()
                + ": the server's certificate does not match the pinned fingerprint: expected " + otherFingerprint
                + ", the server presented " + fingerprint + " (CN=chat.localhost)");
        assertThat(log.states()).doesNotContain(ConnectionState.Status.RECONNECTING);
    }

    @Test
    void plainTextToTheTlsPortEndsWithAHint() throws Exception {
        ChatClient c = clients.client(clients.config(server.tlsPort(), "plain").reconnect(false).build(), new EventLog());
        c.connect();
        ConnectionState end = c.terminated().get(10, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.CONNECTION_LOST);
        assertThat(end.reason()).startsWith("the server closed the connection without answering")
                .endsWith(": is " + server.tlsPort() + " a TLS port?").doesNotContain("\n");
    }

    @Test
    void tlsToThePlainPortEndsWithAHintWithinTheConnectTimeout() throws Exception {
        ChatClient c = clients.client(clients.config(server.port(), "hasty").tls(true).reconnect(false)
                .trust(TlsTrust.fingerprint(fingerprint)).build(), new EventLog());
        c.connect();
        ConnectionState end = c.terminated().get(10, TimeUnit.SECONDS); // connect timeout is 2 s
        assertThat(end.cause()).isEqualTo(DisconnectCause.CONNECT_FAILED);
        assertThat(end.reason()).startsWith("cannot connect to 127.0.0.1:" + server.port() + ": ")
                .endsWith("is " + server.port() + " a plain-text port?").doesNotContain("\n");
    }

    @Test
    void fingerprintsAreAcceptedInAnyCaseWithOrWithoutColons() {
        String canonical = "3F:A2:" + "00:".repeat(29) + "FF";
        assertThat(TlsTrust.canonicalFingerprint(canonical.toLowerCase(Locale.ROOT))).isEqualTo(canonical);
        assertThat(TlsTrust.canonicalFingerprint(canonical.replace(":", ""))).isEqualTo(canonical);
        assertThat(TlsTrust.canonicalFingerprint(" sha256 Fingerprint=" + canonical + "\n")).isEqualTo(canonical);
        assertThat(TlsTrust.fingerprint(canonical).pinnedFingerprint()).contains(canonical);
        assertThatThrownBy(() -> TlsTrust.fingerprint("3F:A2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'3F:A2' is not a SHA-256 fingerprint (64 hex digits, colons allowed, e.g. 3F:A2:...)");
        assertThatThrownBy(() -> TlsTrust.fingerprint(canonical.replace('F', 'G'))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unusableTruststoresAreOneLineErrors() throws Exception {
        Path missing = home.resolve("nope.p12");
        assertThatThrownBy(() -> TlsTrust.truststore(missing, null)).isInstanceOf(IOException.class)
                .hasMessage("truststore " + missing + " does not exist");
        Path p12 = truststore("PKCS12", "changeit".toCharArray(), serverCert);
        assertThatThrownBy(() -> TlsTrust.truststore(p12, "wrong".toCharArray())).isInstanceOf(IOException.class)
                .hasMessage("cannot open truststore " + p12 + ": wrong password");
        Path junk = Files.writeString(home.resolve("junk.p12"), "not a keystore");
        assertThatThrownBy(() -> TlsTrust.truststore(junk, null)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("truststore " + junk + " is not a PKCS12 or JKS file");
    }

    static Certificate certificateOf(Path serverHome) throws Exception {
        char[] password = Files.readString(serverHome.resolve("conf/tls.password")).strip().toCharArray();
        KeyStore ks = KeyStore.getInstance(serverHome.resolve("conf/chat-server.p12").toFile(), password);
        return ks.getCertificate(ks.aliases().nextElement());
    }

    static Path truststore(String type, char[] password, Certificate cert) throws Exception {
        KeyStore ks = KeyStore.getInstance(type);
        ks.load(null, null);
        ks.setCertificateEntry("server", cert);
        Path file = Files.createTempFile(home, "trust", "." + type.toLowerCase(Locale.ROOT));
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
        return file;
    }
}
