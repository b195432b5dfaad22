package org.chatroom.swing;

import java.util.List;
import org.chatroom.client.ChatListener;

/** Opens connections for the presenter: the first one and every manual Reconnect. */
interface GatewayFactory {
    /**
     * Starts connecting as {@code nick}, rejoining {@code rooms}, without blocking. {@code listener}
     * is called on the client's threads; the caller hands the events to the UI thread.
     */
    ChatGateway open(String nick, List<String> rooms, ChatListener listener);

    /** host:port, for the status bar. */
    String server();

    /**
     * From now on, connect trusting exactly the certificate with this SHA-256 fingerprint (the user
     * accepted it), and remember it for this server.
     */
    void trust(String sha256);
}
