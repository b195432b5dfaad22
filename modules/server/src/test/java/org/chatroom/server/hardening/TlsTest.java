package org.chatroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.chatroom.server.ChatServer;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.chatroom.server.tls.KeystoreGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(90)
class TlsTest {
    @TempDir
    static Path home;
    static String fingerprint;

    @BeforeAll
    static void makeKeystore() throws Exception {
        KeystoreGenerator.Result r = KeystoreGenerator.generate(ServerConfig.defaults(Map.of()).withHome(home));
        fingerprint = r.sha256();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(r.passwordFile())))
                .isEqualTo("rw-------");
    }

    private static ChatServer tlsServer() {
        return TestServer.start(Map.of("tls.enabled", "true", "tls.port", "0",
                "tls.keystore", home.resolve("conf/chat-server.p12").toString(),
                "tls.password.file", home.resolve("conf/tls.password").toString()));
    }

    /** Trusts exactly the certificate with the expected SHA-256 fingerprint, as --trust-fingerprint will. */
    private static SSLSocket pinnedSocket(int port) throws Exception {
        TrustManager pin = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                try {
                    String got = HexFormat.ofDelimiter(":").withUpperCase()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
                    if (!got.equals(fingerprint)) {
                        throw new java.security.cert.CertificateException("fingerprint " + got);
                    }
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new java.security.cert.CertificateException(e);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {pin}, null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.startHandshake();
        return s;
    }

    @Test
    void jdkTlsClientChatsWithAPlainClient() throws Exception {
        try (ChatServer s = tlsServer();
             IrcTestClient plain = IrcTestClient.registered(s.port(), "plain");
             SSLSocket tls = pinnedSocket(s.tlsPort())) {
            assertThat(tls.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            OutputStream out = tls.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8));
            out.write("NICK secure\r\nUSER s 0 * :S\r\n".getBytes(StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.contains(" 366 secure #lobby "));
            out.write("PRIVMSG #lobby :over tls\r\n".getBytes(StandardCharsets.UTF_8));
            plain.awaitContains(":secure!~s@127.0.0.1 PRIVMSG #lobby :over tls");
            assertThat(s.registry().byNick("secure").tls()).isTrue();
            assertThat(s.registry().byNick("plain").tls()).isFalse();
            plain.send("PRIVMSG #lobby :back in plain");
            do {
                line = in.readLine();
            } while (line != null && !line.contains("back in plain"));
            assertThat(line).isEqualTo(":plain!~plain@127.0.0.1 PRIVMSG #lobby :back in plain");
        }
    }

    @Test
    void opensslClientCompletesASession() throws Exception {
        try (ChatServer s = tlsServer()) {
            List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + s.tlsPort(),
                    "-quiet", "-tls1_2"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().write("NICK ossl\r\nUSER o 0 * :O\r\nPRIVMSG #lobby :hi\r\nQUIT :bye\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).contains(" 001 ossl ", " 366 ossl #lobby ", "ERROR :Closing link: (~o@127.0.0.1) [Quit: bye]");
        }
    }

    @Test
    void plainTextOnTheTlsPortIsRefusedAndHarmless() throws Exception {
        try (ChatServer s = tlsServer()) {
            try (Socket raw = new Socket("127.0.0.1", s.tlsPort())) {
                raw.setSoTimeout(10_000);
                raw.getOutputStream().write("NICK sneaky\r\nUSER x 0 * :x\r\n".getBytes(StandardCharsets.UTF_8));
                byte[] buf = new byte[4096];
                int n;
                try {
                    while ((n = raw.getInputStream().read(buf)) > 0) {
                        assertThat(new String(buf, 0, n, StandardCharsets.ISO_8859_1)).doesNotContain("001");
                    }
                } catch (java.net.SocketException reset) {
                    // closed by the server: expected
                }
            }
            assertThat(s.registry().byNick("sneaky")).isNull();
            try (SSLSocket ok = pinnedSocket(s.tlsPort())) {
                assertThat(ok.getSession().isValid()).isTrue();
            }
        }
    }

    @Test
    void missingKeystoreIsAOneLineStartError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServer.start(Map.of("tls.enabled", "true",
                "tls.port", "0", "tls.keystore", home.resolve("nope.p12").toString(), "tls.password", "x")))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("--generate-keystore");
    }
}
