package org.chatroom.swing;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a conversation's transcript, independent of how it is drawn.
 *
 * @param time when it happened
 * @param kind how to show it
 * @param nick who said it, for messages, actions and notices; null otherwise
 * @param text the text, without the nick
 * @param history said before we came: from the server's history, shown set apart with its date
 */
record ChatLine(Instant time, LineKind kind, String nick, String text, boolean history) {
    ChatLine(Instant time, LineKind kind, String nick, String text) {
        this(time, kind, nick, text, false);
    }

    ChatLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }

    /** Plain text, as a reader would see it: {@code <nick> text}, {@code * nick text} or just text. */
    String plain() {
        return switch (kind) {
            case MESSAGE, MENTION, OWN_MESSAGE -> "<" + nick + "> " + text;
            case ACTION -> "* " + nick + " " + text;
            case NOTICE -> "-" + nick + "- " + text;
            default -> text;
        };
    }
}
