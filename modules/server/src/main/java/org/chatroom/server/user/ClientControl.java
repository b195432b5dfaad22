package org.chatroom.server.user;

/** How other threads end a client's session; implemented by its handler and run on its loop. */
public interface ClientControl {
    /** Leaves every room telling the peers {@code reason} (as QUIT), sends ERROR, closes. */
    void quit(String reason);

    /** Removes the user from every room with a KICK by {@code by}, then disconnects with the reason. */
    void kick(String by, String reason);
}
