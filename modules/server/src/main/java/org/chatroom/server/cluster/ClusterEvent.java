package org.chatroom.server.cluster;

import java.util.Objects;

/**
 * What one node tells the others about a room or a user, as published on Redis: the parts of the
 * message, not an IRC line to parse again. Fields are joined by NUL, which no IRC line, tag or nick can
 * hold (the decoder refuses NUL), so the form needs no escaping and costs one split to read.
 *
 * @param kind    PRIVMSG, NOTICE, TAGMSG, JOIN, PART, QUIT, KICK, NICK, TOPIC, MODE…
 * @param origin  the node that made it (a node ignores its own, which it delivered at once)
 * @param msgid   the IRCv3 msgid, the same on every node, so history and echo agree
 * @param time    server-time, epoch milliseconds
 * @param prefix  nick!user@host of the sender
 * @param target  the room or nick it goes to
 * @param tags    client tags in their wire form ({@code +typing=active;+react=👍}), empty for none
 * @param params  the rest, as the command takes it (the text of a message; "nick reason" of a KICK)
 */
public record ClusterEvent(String kind, String origin, String msgid, long time, String prefix, String target,
                           String tags, String params) {
    private static final char SEP = '\0';
    private static final int FIELDS = 8;

    public ClusterEvent {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(origin);
        msgid = msgid == null ? "" : msgid;
        prefix = prefix == null ? "" : prefix;
        target = target == null ? "" : target;
        tags = tags == null ? "" : tags;
        params = params == null ? "" : params;
        for (String field : new String[] {kind, origin, msgid, prefix, target, tags, params}) {
            if (field.indexOf(SEP) >= 0) {
                throw new IllegalArgumentException("a cluster event field may not hold NUL");
            }
        }
    }

    /** The published form. */
    public String encode() {
        return String.join(String.valueOf(SEP), kind, origin, msgid, Long.toString(time), prefix, target, tags, params);
    }

    /** The event {@code wire} holds; IllegalArgumentException if it is not one (another program on the channel). */
    public static ClusterEvent decode(String wire) {
        String[] f = wire.split(String.valueOf(SEP), FIELDS);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("not a cluster event: " + f.length + " fields, " + FIELDS + " expected");
        }
        long time;
        try {
            time = Long.parseLong(f[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cluster event: time '" + f[3] + "' is not a number");
        }
        return new ClusterEvent(f[0], f[1], f[2], time, f[4], f[5], f[6], f[7]);
    }
}
