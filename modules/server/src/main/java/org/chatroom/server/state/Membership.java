package org.chatroom.server.state;

/**
 * A member's standing in one room: operator ({@code @}, +o) and voice ({@code +}, +v).
 *
 * @param op    may change modes, kick, invite and set the topic under +t
 * @param voice may speak in a moderated (+m) room
 */
public record Membership(boolean op, boolean voice) {
    public static final Membership PLAIN = new Membership(false, false);
    public static final Membership OPERATOR = new Membership(true, false);

    /** The NAMES/WHO prefix: the highest one, or all of them with IRCv3 multi-prefix. */
    public String prefix(boolean multi) {
        if (multi) {
            return (op ? "@" : "") + (voice ? "+" : "");
        }
        return op ? "@" : voice ? "+" : "";
    }

    public boolean canSpeakModerated() {
        return op || voice;
    }

    public Membership withOp(boolean on) {
        return new Membership(on, voice);
    }

    public Membership withVoice(boolean on) {
        return new Membership(op, on);
    }
}
