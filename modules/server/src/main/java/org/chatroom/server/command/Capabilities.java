package org.chatroom.server.command;

import java.util.List;
import org.chatroom.server.user.Client;

/** The IRCv3 capabilities this server offers, and how each is switched on a client. */
final class Capabilities {
    static final List<String> SUPPORTED = List.of("echo-message", "multi-prefix", "server-time");

    private Capabilities() {
    }

    static boolean isSupported(String cap) {
        return SUPPORTED.contains(cap);
    }

    static void set(Client c, String cap, boolean on) {
        switch (cap) {
            case "echo-message" -> c.echoMessage(on);
            case "multi-prefix" -> c.multiPrefix(on);
            case "server-time" -> c.serverTime(on);
            default -> throw new IllegalArgumentException(cap);
        }
    }

    static String enabled(Client c) {
        StringBuilder sb = new StringBuilder();
        if (c.echoMessage()) {
            sb.append("echo-message ");
        }
        if (c.multiPrefix()) {
            sb.append("multi-prefix ");
        }
        if (c.serverTime()) {
            sb.append("server-time ");
        }
        return sb.toString().strip();
    }
}
