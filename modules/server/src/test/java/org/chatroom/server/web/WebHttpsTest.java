package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.support.TestServer;
import org.chatroom.server.tls.KeystoreGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** https.enabled serves the same over TLS with the daemon's keystore. */
@Timeout(30)
class WebHttpsTest {
    @TempDir
    Path home;

    @Test
    void httpsServesTheClientAndHealthWithTheKeystore() throws Exception {
        KeystoreGenerator.generate(ServerConfig.defaults(Map.of()).withHome(home));
        try (ChatServer server = TestServer.start(Map.of("https.enabled", "true", "https.port", "0",
                "tls.keystore", home.resolve("conf/chat-server.p12").toString(),
                "tls.password.file", home.resolve("conf/tls.password").toString()))) {
            String health = get(server.web().httpsPort(), "/health");
            assertThat(health).startsWith("HTTP/1.1 200 OK").contains("{\"status\":\"ready\"");
            assertThat(get(server.web().httpsPort(), "/")).contains("<title>Chatroom</title>");
        }
    }

    /** One request over TLS; the test trusts the self-signed certificate it just made. */
    private static String get(int port, String path) throws Exception {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
