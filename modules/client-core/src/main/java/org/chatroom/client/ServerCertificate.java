package org.chatroom.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * What a server presented in its TLS handshake, for messages and for asking the user whether to trust
 * it: pass {@link #sha256()} to {@link TlsTrust#fingerprint(String)} to trust exactly this certificate.
 *
 * @param subject    the subject, e.g. {@code CN=chat.example}
 * @param issuer     the issuer; equal to the subject when self-signed
 * @param names      the DNS names and IP addresses it is valid for (subject alternative names)
 * @param notAfter   the end of its validity
 * @param selfSigned whether it names itself as issuer
 * @param sha256     SHA-256 of the DER encoding, colon-separated upper-case hex ({@code 3F:A2:…})
 */
public record ServerCertificate(String subject, String issuer, List<String> names, Instant notAfter,
                                boolean selfSigned, String sha256) {

    public ServerCertificate {
        names = List.copyOf(names);
    }

    /** Describes {@code cert}, the first (leaf) certificate of a server's chain. */
    public static ServerCertificate of(X509Certificate cert) {
        X500Principal subject = cert.getSubjectX500Principal();
        X500Principal issuer = cert.getIssuerX500Principal();
        return new ServerCertificate(subject.getName(X500Principal.RFC2253), issuer.getName(X500Principal.RFC2253),
                names(cert), cert.getNotAfter().toInstant(), subject.equals(issuer), sha256(cert));
    }

    /** SHA-256 of the certificate's DER encoding as colon-separated upper-case hex. */
    public static String sha256(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot compute a SHA-256 fingerprint: " + e.getMessage(), e);
        }
    }

    private static List<String> names(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    Object type = san.get(0);
                    if ((Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type)) && san.get(1) instanceof String s) {
                        out.add(s); // 2 = dNSName, 7 = iPAddress
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no usable names: the list stays empty
        }
        return out;
    }
}
