package org.chatroom.server.core;

import java.util.Locale;

/** The IRCv3 capabilities this server offers; a client's set is a bit mask of {@link #bit()}. */
public enum Cap {
    AWAY_NOTIFY,
    CAP_NOTIFY,
    ECHO_MESSAGE,
    EXTENDED_MONITOR,
    INVITE_NOTIFY,
    MESSAGE_TAGS,
    MULTI_PREFIX,
    SERVER_TIME;

    private static final Cap[] ALL = values();

    private final String wire = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name on the wire, e.g. {@code server-time}. */
    public String wire() {
        return wire;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }

    /** The capability called {@code name} on the wire, or null if this server does not offer it. */
    public static Cap fromWire(String name) {
        for (Cap c : ALL) {
            if (c.wire.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Space-separated wire names of the capabilities in {@code mask} (all offered ones for -1). */
    public static String describe(int mask) {
        StringBuilder sb = new StringBuilder();
        for (Cap c : ALL) {
            if (c.in(mask)) {
                sb.append(sb.length() == 0 ? "" : " ").append(c.wire);
            }
        }
        return sb.toString();
    }
}
