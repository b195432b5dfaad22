package org.chatroom.swing;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.client.TlsTrust;

/**
 * Certificates the user chose to trust, one SHA-256 fingerprint per server (host:port), kept in
 * java.util.prefs so the next connection to that server trusts it without asking.
 */
final class CertificatePins {
    private static final Logger LOG = LogManager.getLogger();

    private final Preferences node;

    CertificatePins(Preferences node) {
        this.node = node;
    }

    /** The fingerprint pinned for {@code server}, if any (a damaged entry counts as none). */
    Optional<String> pinned(String server) {
        String value = fits(server) ? node.get(server, null) : null;
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TlsTrust.canonicalFingerprint(value));
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring the remembered certificate for {}: {}", server, e.getMessage());
            return Optional.empty();
        }
    }

    /** Remembers {@code sha256} for {@code server}, replacing an earlier one. */
    void pin(String server, String sha256) {
        if (!fits(server)) {
            LOG.warn("cannot remember the certificate of {}: the name is too long to store", server);
            return;
        }
        node.put(server, TlsTrust.canonicalFingerprint(sha256));
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("cannot save preferences: {}", e.getMessage());
        }
    }

    private static boolean fits(String key) {
        return key.length() <= Preferences.MAX_KEY_LENGTH;
    }
}
