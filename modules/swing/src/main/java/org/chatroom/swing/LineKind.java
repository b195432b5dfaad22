package org.chatroom.swing;

/** How a line of the transcript is shown. */
enum LineKind {
    /** Someone else's message: {@code <nick> text}. */
    MESSAGE,
    /** Someone else's message that mentions our nick: highlighted. */
    MENTION,
    /** Our own message, marked as such. */
    OWN_MESSAGE,
    /** A {@code /me} action, in italics: {@code * nick text}. */
    ACTION,
    /** A NOTICE from a user. */
    NOTICE,
    /** Joins, parts, quits, kicks, nick and topic changes: one muted line. */
    EVENT,
    /** Server replies and command feedback, muted. */
    INFO,
    /** Something failed: shown in the error colour. */
    ERROR,
    /** The "new" divider: where the lines the user has not read yet begin (the read marker). */
    DIVIDER
}
