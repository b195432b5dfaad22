package org.chatroom.console;

import org.chatroom.client.TlsTrust;

/**
 * What the command line asked for.
 *
 * @param host  server host
 * @param port  server port
 * @param nick  the nick, or null to ask for it (terminal mode only)
 * @param tls   connect with TLS
 * @param trust with TLS: which certificates to accept; null for the JDK trust store
 */
record ConsoleOptions(String host, int port, String nick, boolean tls, TlsTrust trust) {
    static final String DEFAULT_HOST = "localhost";
    static final int DEFAULT_PORT = 6667;
    static final int DEFAULT_TLS_PORT = 6697;

    ConsoleOptions(String host, int port, String nick, boolean tls) {
        this(host, port, nick, tls, null);
    }
}
