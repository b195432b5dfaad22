package org.chatroom.console;

/**
 * What the command line asked for.
 *
 * @param host server host
 * @param port server port
 * @param nick the nick, or null to ask for it (terminal mode only)
 * @param tls  connect with TLS
 */
record ConsoleOptions(String host, int port, String nick, boolean tls) {
    static final String DEFAULT_HOST = "localhost";
    static final int DEFAULT_PORT = 6667;
}
