package org.chatroom.swing;

import org.chatroom.client.ServerCertificate;

/** Asks the user whether to trust a certificate the connection refused. Called on the UI thread. */
@FunctionalInterface
interface CertificatePrompt {
    /** Never trusts: the refusal stands. */
    CertificatePrompt REFUSE = (server, cert) -> false;

    /** Whether to trust exactly {@code cert}, which {@code server} (host:port) presented. */
    boolean trust(String server, ServerCertificate cert);
}
