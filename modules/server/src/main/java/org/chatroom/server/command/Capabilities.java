package org.chatroom.server.command;

import org.chatroom.server.core.Cap;

/** The capability list as CAP LS shows it: every {@link Cap}, in wire-name order. */
final class Capabilities {
    static final String SUPPORTED = Cap.describe(-1);

    private Capabilities() {
    }
}
