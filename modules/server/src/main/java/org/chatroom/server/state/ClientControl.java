package org.chatroom.server.state;

/** How other threads end a client's session; implemented by its session and run on its lane. */
public interface ClientControl {
    /** A client whose session is not attached yet: nothing to end. */
    ClientControl NONE = new ClientControl() {
        @Override
        public void quit(String reason) {
        }

        @Override
        public void kick(String by, String reason) {
        }
    };

    /** Leaves every room telling the peers {@code reason} (as QUIT), sends ERROR, closes. */
    void quit(String reason);

    /** Removes the user from every room with a KICK by {@code by}, then disconnects with the reason. */
    void kick(String by, String reason);

    /** The cluster found the user's nick held by a user of another node (claimed while Redis was away). */
    default void lostNick() {
    }
}
