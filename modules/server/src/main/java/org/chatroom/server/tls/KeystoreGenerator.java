package org.chatroom.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;

/**
 * Makes a self-signed keystore for first use with the JDK's own {@code keytool} (the JDK has no
 * public API to sign a certificate), and a password file readable by the owner only.
 */
public final class KeystoreGenerator {
    private KeystoreGenerator() {
    }

    /** The outcome: where things were written and the certificate's SHA-256 fingerprint. */
    public record Result(Path keystore, Path passwordFile, String sha256) {
    }

    public static Result generate(ServerConfig cfg) throws IOException {
        Path keystore = cfg.path(ServerConfigKeys.TLS_KEYSTORE);
        Path passwordFile = cfg.home().resolve(cfg.get(ServerConfigKeys.TLS_PASSWORD_FILE)).toAbsolutePath().normalize();
        if (Files.exists(keystore)) {
            throw new IOException(keystore + " already exists; move it away to make a new one");
        }
        Files.createDirectories(keystore.toAbsolutePath().getParent());
        byte[] raw = new byte[18];
        new SecureRandom().nextBytes(raw);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String name = cfg.get(ServerConfigKeys.SERVER_NAME);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "chatroom", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "825",
                "-dname", "CN=" + name, "-ext", "SAN=dns:" + name + ",dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                throw new IOException("keytool failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran");
        }
        if (Files.getFileStore(keystore).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
        }
        Files.deleteIfExists(passwordFile);
        if (Files.getFileStore(keystore).supportsFileAttributeView("posix")) {
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        return new Result(keystore, passwordFile, fingerprint(keystore, password.toCharArray()));
    }

    /** SHA-256 of the first certificate in {@code keystore}, as colon-separated upper-case hex. */
    public static String fingerprint(Path keystore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            Certificate cert = ks.getCertificate(ks.aliases().nextElement());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + keystore + ": " + e.getMessage());
        }
    }
}
