package org.chatroom.server.command;

import java.util.List;
import org.chatroom.server.user.Client;

/** The IRCv3 capabilities this server offers, and how each is switched on a client. */
final class Capabilities {
    static final List<String> SUPPORTED = List.of("away-notify", "cap-notify", "echo-message", "invite-notify",
            "message-tags", "multi-prefix", "server-time");

    private Capabilities() {
    }

    static boolean isSupported(String cap) {
        return SUPPORTED.contains(cap);
    }

    static void set(Client c, String cap, boolean on) {
        switch (cap) {
            case "away-notify" -> c.awayNotify(on);
            case "cap-notify" -> c.capNotify(on);
            case "invite-notify" -> c.inviteNotify(on);
            case "message-tags" -> c.messageTags(on);
            case "echo-message" -> c.echoMessage(on);
            case "multi-prefix" -> c.multiPrefix(on);
            case "server-time" -> c.serverTime(on);
            default -> throw new IllegalArgumentException(cap);
        }
    }

    static String enabled(Client c) {
        StringBuilder sb = new StringBuilder();
        for (String cap : SUPPORTED) {
            if (isOn(c, cap)) {
                sb.append(cap).append(' ');
            }
        }
        return sb.toString().strip();
    }

    static boolean isOn(Client c, String cap) {
        return switch (cap) {
            case "away-notify" -> c.awayNotify();
            case "cap-notify" -> c.capNotify();
            case "invite-notify" -> c.inviteNotify();
            case "message-tags" -> c.messageTags();
            case "echo-message" -> c.echoMessage();
            case "multi-prefix" -> c.multiPrefix();
            case "server-time" -> c.serverTime();
            default -> false;
        };
    }
}
