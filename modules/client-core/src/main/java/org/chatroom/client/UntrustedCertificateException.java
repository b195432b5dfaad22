package org.chatroom.client;

import java.security.cert.CertificateException;

/**
 * Thrown by {@link CheckingTrustManager} inside the TLS handshake when we do not trust the server's
 * certificate; the JDK wraps it in an {@code SSLHandshakeException}, and {@link Session} finds it in
 * the cause chain to stop for good with {@link DisconnectCause#UNTRUSTED_CERTIFICATE}.
 */
final class UntrustedCertificateException extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final transient ServerCertificate certificate;

    UntrustedCertificateException(String message, ServerCertificate certificate, Throwable cause) {
        super(message, cause);
        this.certificate = certificate;
    }

    ServerCertificate certificate() {
        return certificate;
    }

    /** The first one in {@code e}'s cause chain, or null. */
    static UntrustedCertificateException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UntrustedCertificateException u) {
                return u;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
