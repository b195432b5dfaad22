package org.chatroom.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which TLS server certificates a client accepts: those the JDK's trust store vouches for (the
 * default), those a given truststore vouches for, or exactly one, pinned by its SHA-256 fingerprint.
 * The first two also check that the certificate names the host we connect to. Give it to
 * {@link ClientConfig.Builder#trust(TlsTrust)}.
 *
 * <p>A refused certificate ends the connection attempt for good with
 * {@link DisconnectCause#UNTRUSTED_CERTIFICATE}, a one-line reason that shows the certificate's
 * fingerprint, and {@link ChatClient#rejectedCertificate()} to show the user before pinning it.
 */
public final class TlsTrust {
    private final String description;
    private final String pinned;
    private final SSLSocketFactory socketFactory;

    private TlsTrust(String description, String pinned, SSLSocketFactory socketFactory) {
        this.description = description;
        this.pinned = pinned;
        this.socketFactory = socketFactory;
    }

    /** The JDK's default trust store (cacerts), with host name verification. */
    public static TlsTrust jdkDefault() {
        return JdkDefault.INSTANCE;
    }

    /**
     * The trust the clients' command-line options ask for ({@code --trust-fingerprint},
     * {@code --truststore}, {@code --truststore-password}; each may be null), checked the same way
     * for every client: null means Java's trust store. A contradiction is an
     * IllegalArgumentException with a one-line message naming the options; an unusable truststore
     * an IOException.
     */
    public static TlsTrust fromOptions(boolean tls, String fingerprint, String truststore, String password)
            throws IOException {
        if ((fingerprint != null || truststore != null) && !tls) {
            throw new IllegalArgumentException("--" + (fingerprint != null ? "trust-fingerprint" : "truststore")
                    + " needs --tls");
        }
        if (fingerprint != null && truststore != null) {
            throw new IllegalArgumentException("--trust-fingerprint and --truststore exclude each other");
        }
        if (password != null && truststore == null) {
            throw new IllegalArgumentException("--truststore-password needs --truststore");
        }
        if (fingerprint != null) {
            try {
                return fingerprint(fingerprint);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--trust-fingerprint " + e.getMessage());
            }
        }
        if (truststore != null) {
            return truststore(Path.of(truststore), password == null ? null : password.toCharArray());
        }
        return null;
    }

    /**
     * Certificates vouched for by the PKCS12 or JKS truststore {@code file}, with host name verification.
     *
     * @param password the store password, or null if none (a PKCS12 store usually needs it to show its certificates)
     * @throws IOException with a one-line message if the file is missing, unreadable, the password is
     *                     wrong, or it holds no certificate
     */
    public static TlsTrust truststore(Path file, char[] password) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("truststore " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException("truststore " + file + " is not a readable file");
        }
        KeyStore ks;
        try {
            ks = KeyStore.getInstance(file.toFile(), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new IOException("cannot open truststore " + file + ": wrong password");
            }
            throw new IOException("cannot read truststore " + file + ": " + e.getMessage());
        } catch (KeyStoreException e) {
            throw new IOException("truststore " + file + " is not a PKCS12 or JKS file");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read truststore " + file + ": " + e.getMessage());
        }
        try {
            boolean anyCertificate = false;
            for (String alias : Collections.list(ks.aliases())) {
                anyCertificate |= ks.getCertificate(alias) != null;
            }
            if (!anyCertificate) {
                throw new IOException("truststore " + file + " holds no certificate"
                        + (password == null ? " that can be read without its password" : ""));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return withDelegate("truststore " + file, tmf, " by truststore " + file.getFileName());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use truststore " + file + ": " + e.getMessage());
        }
    }

    /**
     * Exactly the certificate with this SHA-256 fingerprint, whatever its issuer or names.
     *
     * @param sha256 64 hex digits in any case, with or without colons ({@code 3F:A2:…} or {@code 3fa2…});
     *               an OpenSSL {@code sha256 Fingerprint=…} line is accepted too
     * @throws IllegalArgumentException with a one-line message if it is not a SHA-256 fingerprint
     */
    public static TlsTrust fingerprint(String sha256) {
        String canonical = canonicalFingerprint(sha256);
        TrustManager pin = new CheckingTrustManager(null, canonical, "");
        return new TlsTrust("pinned SHA-256 " + canonical, canonical, new HostCheckingSocketFactory(context(pin), false));
    }

    /**
     * {@code text} as colon-separated upper-case hex, the form {@link ServerCertificate#sha256()} and
     * {@code chat-server --generate-keystore} show.
     *
     * @throws IllegalArgumentException with a one-line message if it is not 32 bytes of hex
     */
    public static String canonicalFingerprint(String text) {
        String t = text == null ? "" : text.strip();
        int eq = t.lastIndexOf('=');
        if (eq >= 0) {
            t = t.substring(eq + 1).strip(); // "sha256 Fingerprint=AA:BB:..."
        }
        String hex = t.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
            throw new IllegalArgumentException("'" + text + "' is not a SHA-256 fingerprint (64 hex digits, "
                    + "colons allowed, e.g. 3F:A2:...)");
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    /** Makes the TLS sockets; {@link Connection} layers them over the plain TCP socket. */
    public SSLSocketFactory sslSocketFactory() {
        return socketFactory;
    }

    /** The pinned fingerprint, when this trusts exactly one certificate. */
    public Optional<String> pinnedFingerprint() {
        return Optional.ofNullable(pinned);
    }

    /** For messages: {@code the JDK trust store}, {@code truststore conf/x.p12}, {@code pinned SHA-256 3F:…}. */
    @Override
    public String toString() {
        return description;
    }

    private static TlsTrust withDelegate(String description, TrustManagerFactory tmf, String trustedBy) {
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                TrustManager checking = new CheckingTrustManager(x, null, trustedBy);
                return new TlsTrust(description, null, new HostCheckingSocketFactory(context(checking), true));
            }
        }
        throw new IllegalStateException("the JDK offers no X.509 trust manager");
    }

    private static SSLSocketFactory context(TrustManager tm) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Made on first use: reading cacerts takes a moment. */
    private static final class JdkDefault {
        static final TlsTrust INSTANCE = make();

        private static TlsTrust make() {
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
                return withDelegate("the JDK trust store", tmf, "");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the JDK trust store: " + e.getMessage(), e);
            }
        }
    }
}
