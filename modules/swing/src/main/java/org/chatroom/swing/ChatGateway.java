package org.chatroom.swing;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.chatroom.client.ServerCertificate;

/**
 * What the presenter asks of one connection. The sending methods return false when not connected
 * (nothing is queued) and never block the caller: the UI thread must not wait on the network.
 */
interface ChatGateway {
    boolean say(String target, String text);

    boolean action(String target, String text);

    boolean join(String room);

    boolean part(String room, String reason);

    boolean names(String room);

    boolean askTopic(String room);

    boolean setTopic(String room, String text);

    boolean changeNick(String nick);

    boolean away(String message);

    /** Asks for {@code lines} lines of {@code target} older than the oldest one seen; false if not possible. */
    default boolean history(String target, int lines) {
        return false;
    }

    /** Tells the server the user has read {@code target} up to {@code time}; false if not possible. */
    default boolean markRead(String target, java.time.Instant time) {
        return false;
    }

    /** Sends QUIT and stops for good; completes once the connection is closed. */
    CompletableFuture<?> quit(String reason);

    /** Closes at once without QUIT; no more events follow. */
    void close();

    /** After a disconnection for an untrusted certificate: the certificate the server presented. */
    default Optional<ServerCertificate> rejectedCertificate() {
        return Optional.empty();
    }
}
