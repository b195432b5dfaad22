package org.chatroom.server.command;

import java.util.ArrayList;
import java.util.List;
import org.chatroom.server.state.Client;

/**
 * What a WHOX request ({@code WHO mask %fields[,token]}) asks for, and the 354 parameters it gets.
 * The reply always lists the fields in the spec's order {@code t c u i h s n f d l a o r}, whatever
 * order the client wrote them in; unknown letters are ignored.
 */
record WhoxFields(String letters, String token) {
    private static final String ORDER = "tcuihsnfdlaor";

    /** {@code spec} is what follows the {@code %}: e.g. {@code tcuhnfr,42}. */
    static WhoxFields parse(String spec) {
        int comma = spec.indexOf(',');
        String fields = comma < 0 ? spec : spec.substring(0, comma);
        String token = comma < 0 ? "" : spec.substring(comma + 1);
        StringBuilder letters = new StringBuilder();
        for (char ch : ORDER.toCharArray()) {
            if (fields.indexOf(ch) >= 0) {
                letters.append(ch);
            }
        }
        // The spec allows a token of 1-3 digits; anything else would be echoed unchecked, so it is dropped.
        if (!token.matches("\\d{1,3}")) {
            token = "0";
        }
        return new WhoxFields(letters.toString(), token);
    }

    /** The 354 parameters after the requester's nick; the realname, when asked, is last (trailing). */
    List<String> values(Client target, String channel, String flags, String server, long idleSeconds) {
        List<String> out = new ArrayList<>();
        for (char ch : letters.toCharArray()) {
            out.add(switch (ch) {
                case 't' -> token;
                case 'c' -> channel;
                case 'u' -> target.user();
                case 'i' -> target.host(); // the address, in the form safe as a middle parameter (0::1)
                case 'h' -> target.host();
                case 's' -> server;
                case 'n' -> target.nick();
                case 'f' -> flags;
                case 'd' -> "0"; // hop count: a single server
                case 'l' -> Long.toString(idleSeconds);
                case 'a' -> "0"; // no accounts on this server
                case 'o' -> "n/a"; // no op levels
                default -> target.realName();
            });
        }
        return out;
    }
}
