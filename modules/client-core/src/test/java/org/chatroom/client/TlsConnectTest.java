package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
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

/** The TLS seam: {@code tls(true)} plus a trust decision, against the daemon's TLS listener. */
@Timeout(60)
class TlsConnectTest {
    @TempDir
    static Path home;
    static String fingerprint;

    private ChatServer server;
    private final Clients clients = new Clients();

    @BeforeAll
    static void makeKeystore() throws Exception {
        fingerprint = KeystoreGenerator.generate(ServerConfig.defaults(Map.of()).withHome(home)).sha256();
    }

    @BeforeEach
    void start() {
        server = new ChatServer(ServerConfig.defaults(Map.of("port", "0", "http.port", "0", "bind", "127.0.0.1", "admin.enabled", "false",
                "tls.enabled", "true", "tls.port", "0", "tls.keystore", home.resolve("conf/chat-server.p12").toString(),
                "tls.password.file", home.resolve("conf/tls.password").toString(),
                "data.dir", home.resolve("data").toString()))).start();
    }

    @AfterEach
    void stop() {
        clients.close();
        server.close();
    }

    @Test
    void connectsOverTlsWithAPinnedCertificate() throws Exception {
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(server.tlsPort(), "secure").tls(true)
                .sslSocketFactory(pinned(fingerprint)).build(), log);
        assertThat(c.connect().get(10, TimeUnit.SECONDS)).isEqualTo("secure");
        assertThat(c.say("#lobby", "over tls")).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(log.of(ChatEvent.RoomMessage.class))
                .singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("over tls")));
    }

    @Test
    void untrustedCertificateFailsWithAReason() throws Exception {
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(server.tlsPort(), "wary").tls(true).reconnect(false).build(), log);
        c.connect();
        ConnectionState end = c.terminated().get(10, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.UNTRUSTED_CERTIFICATE);
        assertThat(end.reason()).startsWith("cannot connect to 127.0.0.1:" + server.tlsPort() + ": ")
                .contains("--trust-fingerprint " + fingerprint);
    }

    /** Trusts exactly the certificate with this SHA-256 fingerprint (what a --trust-fingerprint option would do). */
    static javax.net.ssl.SSLSocketFactory pinned(String expected) throws Exception {
        TrustManager pin = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    String got = HexFormat.ofDelimiter(":").withUpperCase()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
                    if (!got.equals(expected)) {
                        throw new CertificateException("unexpected certificate " + got);
                    }
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new CertificateException(e);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {pin}, null);
        return ctx.getSocketFactory();
    }
}
