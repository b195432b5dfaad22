package org.chatroom.swing;

/**
 * What to connect to.
 *
 * @param host     server host
 * @param port     server port
 * @param nick     the nick; null to ask in the login dialog
 * @param tls      connect with TLS
 * @param maxLines how many lines each tab keeps
 */
record GuiOptions(String host, int port, String nick, boolean tls, int maxLines) {
    static final String DEFAULT_HOST = "localhost";
    static final int DEFAULT_PORT = 6667;
    static final int DEFAULT_MAX_LINES = 5000;

    /** Connect straight away, without the login dialog. */
    boolean skipLogin() {
        return nick != null;
    }

    GuiOptions with(String newHost, int newPort, String newNick, boolean newTls) {
        return new GuiOptions(newHost, newPort, newNick, newTls, maxLines);
    }
}
