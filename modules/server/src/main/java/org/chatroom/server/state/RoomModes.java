package org.chatroom.server.state;

/**
 * A room's flag and parameter modes, immutable; a change publishes a new instance.
 *
 * @param inviteOnly +i: only invited users may join
 * @param moderated  +m: only operators and voiced members may speak
 * @param noExternal +n: only members may send to the room
 * @param topicOps   +t: only operators may set the topic
 * @param secret     +s: hidden from LIST, NAMES and WHOIS for anyone not in it
 * @param key        +k: the key JOIN needs, or null
 * @param limit      +l: most members allowed, or 0 for none
 * @param noCtcp     +C: no CTCP to the room but ACTION
 */
public record RoomModes(boolean inviteOnly, boolean moderated, boolean noExternal, boolean topicOps, boolean secret,
                        String key, int limit, boolean noCtcp) {
    /** New rooms: no messages from outside, topic set by operators. */
    public static final RoomModes DEFAULT = new RoomModes(false, false, true, true, false, null, 0, false);

    /** The flags this record holds, in 324's order. */
    public static final String FLAGS = "Cimnst";

    /** The flag modes of 005 CHANMODES: {@link #FLAGS} and {@code r}, a registered room (its owner is the room's, not here). */
    public static final String ADVERTISED_FLAGS = "Cimnrst";

    /** The mode string for 324, e.g. {@code +klnt secret 20}; the key only for members. */
    public String describe(boolean showKey) {
        return describe(showKey, false);
    }

    /** As {@link #describe(boolean)}, with {@code r} when the room is registered. */
    public String describe(boolean showKey, boolean registered) {
        StringBuilder flags = new StringBuilder("+");
        StringBuilder args = new StringBuilder();
        if (noCtcp) {
            flags.append('C');
        }
        if (inviteOnly) {
            flags.append('i');
        }
        if (key != null) {
            flags.append('k');
            args.append(' ').append(showKey ? key : "*");
        }
        if (limit > 0) {
            flags.append('l');
            args.append(' ').append(limit);
        }
        if (moderated) {
            flags.append('m');
        }
        if (noExternal) {
            flags.append('n');
        }
        if (registered) {
            flags.append('r');
        }
        if (secret) {
            flags.append('s');
        }
        if (topicOps) {
            flags.append('t');
        }
        return flags.append(args).toString();
    }

    /** The flag modes only, as letters (for the state file): e.g. {@code Cmnst}. */
    public String flagLetters() {
        StringBuilder sb = new StringBuilder();
        for (char c : FLAGS.toCharArray()) {
            if (flag(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether flag {@code mode} (one of {@link #FLAGS}) is on. */
    public boolean flag(char mode) {
        return switch (mode) {
            case 'C' -> noCtcp;
            case 'i' -> inviteOnly;
            case 'm' -> moderated;
            case 'n' -> noExternal;
            case 's' -> secret;
            case 't' -> topicOps;
            default -> throw new IllegalArgumentException("not a flag mode: " + mode);
        };
    }

    public RoomModes withFlag(char mode, boolean on) {
        return switch (mode) {
            case 'C' -> new RoomModes(inviteOnly, moderated, noExternal, topicOps, secret, key, limit, on);
            case 'i' -> new RoomModes(on, moderated, noExternal, topicOps, secret, key, limit, noCtcp);
            case 'm' -> new RoomModes(inviteOnly, on, noExternal, topicOps, secret, key, limit, noCtcp);
            case 'n' -> new RoomModes(inviteOnly, moderated, on, topicOps, secret, key, limit, noCtcp);
            case 's' -> new RoomModes(inviteOnly, moderated, noExternal, topicOps, on, key, limit, noCtcp);
            case 't' -> new RoomModes(inviteOnly, moderated, noExternal, on, secret, key, limit, noCtcp);
            default -> throw new IllegalArgumentException("not a flag mode: " + mode);
        };
    }

    public RoomModes withKey(String newKey) {
        return new RoomModes(inviteOnly, moderated, noExternal, topicOps, secret, newKey, limit, noCtcp);
    }

    public RoomModes withLimit(int newLimit) {
        return new RoomModes(inviteOnly, moderated, noExternal, topicOps, secret, key, newLimit, noCtcp);
    }
}
