package org.chatroom.server.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;

/** Builds {@code :server NNN nick params... :text}, keeping what users typed safe as middle parameters. */
final class NumericReply {
    private NumericReply() {
    }

    /** {@code text} null: the last of {@code params} is the trailing parameter. */
    static IrcMessage of(String server, String nick, Numeric numeric, String text, String... params) {
        List<String> all = new ArrayList<>(params.length + 2);
        all.add(nick);
        for (int i = 0; i < params.length; i++) {
            boolean trailing = text == null && i == params.length - 1;
            all.add(trailing ? params[i] : middle(params[i]));
        }
        if (text != null) {
            all.add(text);
        }
        return new IrcMessage(Map.of(), server, numeric.wire(), all);
    }

    /**
     * Numerics echo what the user sent (a nick, a room, a mask) as middle parameters; a trailing
     * parameter the user wrote may hold spaces or be empty, which a middle one cannot.
     */
    static String middle(String p) {
        if (p.isEmpty()) {
            return "*";
        }
        String out = p.replace(' ', '_');
        return out.charAt(0) == ':' ? "_" + out.substring(1) : out;
    }
}
