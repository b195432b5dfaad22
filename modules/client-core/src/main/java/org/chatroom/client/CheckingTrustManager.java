package org.chatroom.client;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether we trust the server's certificate: with a pinned SHA-256 fingerprint, or by asking
 * a delegate (the JDK's trust store or a given truststore, with host name verification when the socket
 * asks for it). It sees the chain the server presented, so a refusal names the certificate and its
 * fingerprint: it throws {@link UntrustedCertificateException} with a one-line explanation.
 */
final class CheckingTrustManager extends X509ExtendedTrustManager {
    /** The hint that ends a refusal; the console and GUI options have this name. */
    static final String HOW_TO_TRUST = "If you trust it, connect with --trust-fingerprint ";

    private final X509ExtendedTrustManager delegate;
    private final String pinned;
    private final String trustedBy;

    /**
     * @param delegate  the trust decision, or null when pinned
     * @param pinned    the accepted fingerprint (canonical form), or null
     * @param trustedBy for messages: empty for the JDK's trust store, else e.g. {@code " by truststore x.p12"}
     */
    CheckingTrustManager(X509ExtendedTrustManager delegate, String pinned, String trustedBy) {
        if ((delegate == null) == (pinned == null)) {
            throw new IllegalArgumentException("exactly one of delegate and pinned");
        }
        this.delegate = delegate;
        this.pinned = pinned;
        this.trustedBy = trustedBy;
    }

    /** A check that may throw; the delegate call to make. */
    private interface Check {
        void run() throws CertificateException;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        String host = socket instanceof SSLSocket s && s.getHandshakeSession() != null ? s.getHandshakeSession().getPeerHost() : null;
        check(chain, authType, host, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, authType, engine == null ? null : engine.getPeerHost(),
                () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null, () -> delegate.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a chat client does not accept connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a chat client does not accept connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a chat client does not accept connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
    }

    private void check(X509Certificate[] chain, String authType, String host, Check full) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        ServerCertificate cert = ServerCertificate.of(chain[0]);
        if (pinned != null) {
            if (!cert.sha256().equals(pinned)) {
                throw new UntrustedCertificateException("the server's certificate does not match the pinned fingerprint: "
                        + "expected " + pinned + ", the server presented " + cert.sha256() + " (" + cert.subject() + ")",
                        cert, null);
            }
            return;
        }
        try {
            full.run();
        } catch (CertificateException e) {
            throw new UntrustedCertificateException(explain(chain, authType, host, cert) + ". " + HOW_TO_TRUST
                    + cert.sha256(), cert, e);
        }
    }

    private String explain(X509Certificate[] chain, String authType, String host, ServerCertificate cert) {
        if (host != null) {
            try {
                delegate.checkServerTrusted(chain, authType); // the same check without the host name
                return "the server's certificate is for " + (cert.names().isEmpty() ? cert.subject()
                        : String.join(", ", cert.names())) + ", not for " + host;
            } catch (CertificateException | RuntimeException notTheName) {
                // the chain itself is not trusted: say why below
            }
        }
        return "the server's certificate is not trusted" + trustedBy + " (" + why(chain[0], cert) + ")";
    }

    private static String why(X509Certificate leaf, ServerCertificate cert) {
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException e) {
            return "expired on " + cert.notAfter().atOffset(ZoneOffset.UTC).toLocalDate() + ": " + cert.subject();
        } catch (CertificateNotYetValidException e) {
            return "not valid yet: " + cert.subject();
        }
        if (cert.selfSigned()) {
            return "self-signed: " + cert.subject();
        }
        return cert.subject() + " issued by " + cert.issuer() + ", an authority not trusted here";
    }
}
