package org.chatroom.server.core;

import java.util.Locale;

/** The IRCv3 capabilities this server offers; a client's set is a bit mask of {@link #bit()}. */
public enum Cap {
    AWAY_NOTIFY,
    BATCH,
    CAP_NOTIFY,
    CHGHOST,
    /** The name {@code no-implicit-names} had as a draft, which clients still ask for: the same behaviour. */
    NO_IMPLICIT_NAMES_DRAFT("draft/no-implicit-names"),
    ECHO_MESSAGE,
    EXTENDED_MONITOR,
    INVITE_NOTIFY,
    LABELED_RESPONSE,
    MESSAGE_TAGS,
    MULTI_PREFIX,
    NO_IMPLICIT_NAMES,
    SERVER_TIME,
    SETNAME,
    STANDARD_REPLIES,
    USERHOST_IN_NAMES,
    // accounts (issue 15): kept together at the end
    SASL("sasl", "PLAIN"),
    ACCOUNT_REGISTRATION("draft/account-registration", null),
    ACCOUNT_NOTIFY,
    EXTENDED_JOIN,
    // history (issue 15)
    ACCOUNT_TAG,
    CHATHISTORY("draft/chathistory"),
    EVENT_PLAYBACK("draft/event-playback"),
    READ_MARKER("draft/read-marker");

    private static final Cap[] ALL = values();

    private final String wire;
    private final String value;

    Cap() {
        this(null, null);
    }

    /** A capability whose wire name is not its constant's. */
    Cap(String wire) {
        this(wire, null);
    }

    /** A capability whose wire name is not its constant's, or that has a value in CAP LS 302 ({@code sasl=PLAIN}). */
    Cap(String wire, String value) {
        this.wire = wire != null ? wire : name().toLowerCase(Locale.ROOT).replace('_', '-');
        this.value = value;
    }

    /** The value shown after {@code =} in {@code CAP LS 302}, or null. */
    public String value() {
        return value;
    }

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
