package org.chatroom.server.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;

/** Builds the server's TLS context from the configured PKCS12 keystore: TLS 1.2 and 1.3 only, JDK provider. */
public final class TlsContextFactory {
    private TlsContextFactory() {
    }

    public static SslContext create(ServerConfig cfg) {
        Path keystore = cfg.path(ServerConfigKeys.TLS_KEYSTORE);
        char[] password = password(cfg);
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            return SslContextBuilder.forServer(kmf).sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2").build();
        } catch (NoSuchFileException e) {
            throw new ServerStartException("tls.keystore=" + keystore + " does not exist (make one with "
                    + "chat-server --generate-keystore, or set tls.enabled=false)");
        } catch (IOException | GeneralSecurityException e) {
            String why = e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password") ? "wrong password" : e.getMessage();
            throw new ServerStartException("tls.keystore=" + keystore + " cannot be opened: " + why);
        }
    }

    static char[] password(ServerConfig cfg) {
        String inline = cfg.get(ServerConfigKeys.TLS_PASSWORD);
        if (!inline.isEmpty()) {
            return inline.toCharArray();
        }
        Path file = cfg.home().resolve(cfg.get(ServerConfigKeys.TLS_PASSWORD_FILE)).toAbsolutePath().normalize();
        try {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            return first.strip().toCharArray();
        } catch (NoSuchFileException e) {
            throw new ServerStartException("tls.password is empty and tls.password.file=" + file + " does not exist");
        } catch (IOException e) {
            throw new ServerStartException("tls.password.file=" + file + " cannot be read: " + e.getMessage());
        }
    }
}
