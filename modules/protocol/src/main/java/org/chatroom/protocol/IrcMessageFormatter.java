package org.chatroom.protocol;

import java.util.List;

/**
 * Writes an {@link IrcMessage} in wire form. The last parameter gets the trailing ':' (as most
 * servers write text and numerics, so naive clients that look for " :" find the text), except a
 * lone name after JOIN, PART, NICK or TAGMSG, where clients expect the bare name.
 */
final class IrcMessageFormatter {
    // AUTHENTICATE: some SASL clients compare the server's "AUTHENTICATE +" literally; ACCOUNT as IRCv3 shows it
    private static final java.util.Set<String> BARE_NAME = java.util.Set.of("JOIN", "PART", "NICK", "TAGMSG", "AUTHENTICATE",
            "ACCOUNT");

    private IrcMessageFormatter() {
    }

    static String format(IrcMessage m) {
        StringBuilder sb = new StringBuilder(64);
        if (!m.tags().isEmpty()) {
            sb.append('@');
            MessageTags.appendTo(sb, m.tags());
            sb.append(' ');
        }
        if (m.source() != null) {
            sb.append(':').append(m.source()).append(' ');
        }
        sb.append(m.command());
        List<String> params = m.params();
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            sb.append(' ');
            boolean bare = params.size() == 1 && BARE_NAME.contains(m.command());
            if (i == params.size() - 1 && (!bare || needsTrailing(p))) {
                sb.append(':');
            } else if (needsTrailing(p)) {
                throw new IllegalArgumentException("only the last parameter may be empty, start with ':' or hold a space");
            }
            sb.append(p);
        }
        return sb.toString();
    }

    private static boolean needsTrailing(String p) {
        return p.isEmpty() || p.charAt(0) == ':' || p.indexOf(' ') >= 0;
    }
}
