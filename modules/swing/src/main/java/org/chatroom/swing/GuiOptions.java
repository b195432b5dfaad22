package org.chatroom.swing;

import org.chatroom.client.Credentials;
import org.chatroom.client.TlsTrust;

/**
 * What to connect to: client-core's {@link org.chatroom.client.cli.ClientOptions} (the options both
 * clients share) plus how many lines each tab keeps.
 *
 * @param host     server host
 * @param port     server port
 * @param nick     the nick; null to ask in the login dialog
 * @param tls      connect with TLS
 * @param maxLines how many lines each tab keeps
 * @param trust    which certificates to accept with TLS ({@code --trust-fingerprint}, {@code --truststore});
 *                 null for a certificate pinned earlier for this server, else Java's trust store
 * @param credentials the account to log in to (named as the nick), or null; never saved with the login
 */
record GuiOptions(String host, int port, String nick, boolean tls, int maxLines, TlsTrust trust,
                  Credentials credentials) {
    static final String DEFAULT_HOST = org.chatroom.client.cli.ClientOptions.DEFAULT_HOST;
    static final int DEFAULT_PORT = org.chatroom.client.cli.ClientOptions.DEFAULT_PORT;
    static final int DEFAULT_TLS_PORT = org.chatroom.client.cli.ClientOptions.DEFAULT_TLS_PORT;
    static final int DEFAULT_MAX_LINES = 5000;

    GuiOptions(String host, int port, String nick, boolean tls, int maxLines) {
        this(host, port, nick, tls, maxLines, null, null);
    }

    GuiOptions(String host, int port, String nick, boolean tls, int maxLines, TlsTrust trust) {
        this(host, port, nick, tls, maxLines, trust, null);
    }

    /** Connect straight away, without the login dialog. */
    boolean skipLogin() {
        return nick != null;
    }

    GuiOptions with(String newHost, int newPort, String newNick, boolean newTls) {
        return new GuiOptions(newHost, newPort, newNick, newTls, maxLines, trust, credentials);
    }

    /** The same, logging in with {@code value} (null: no account). */
    GuiOptions withCredentials(Credentials value) {
        return new GuiOptions(host, port, nick, tls, maxLines, trust, value);
    }

    /** host:port as the status bar shows it, and the key a pinned certificate is remembered under. */
    String server() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
