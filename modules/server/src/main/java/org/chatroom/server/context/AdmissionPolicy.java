package org.chatroom.server.context;

import org.chatroom.server.state.Client;
import org.chatroom.server.store.BanRow;

/** Checked when a user completes registration (nick, user and address known). */
@FunctionalInterface
public interface AdmissionPolicy {
    /** Null to let {@code client} in, else the reason it is refused (sent with 465 and ERROR). */
    String refusalReason(Client client);

    /**
     * Another node of the cluster set {@code ban} (and saved it in the shared store): in force here from
     * now on, and this node's matching users are disconnected. Called off the event loops; never blocks.
     */
    default void banSetElsewhere(BanRow ban) {
    }

    /** Another node of the cluster lifted the ban on {@code mask}: no longer in force here. */
    default void banLiftedElsewhere(String mask) {
    }

    /**
     * This node was cut off from the cluster: bans set or lifted elsewhere meanwhile are only in the shared
     * store, so it is read again (and this node's users a new ban matches are disconnected). Blocks: from
     * the cluster's own thread only, never an event loop.
     */
    default void reread() {
    }
}
