package org.chatroom.server.context;

import org.chatroom.server.state.Client;

/** Checked when a user completes registration (nick, user and address known). */
@FunctionalInterface
public interface AdmissionPolicy {
    /** Null to let {@code client} in, else the reason it is refused (sent with 465 and ERROR). */
    String refusalReason(Client client);
}
