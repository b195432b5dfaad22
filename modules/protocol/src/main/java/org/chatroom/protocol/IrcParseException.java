package org.chatroom.protocol;

/**
 * A line that is not a well-formed IRC message. This is the only exception the parser throws,
 * whatever bytes it is given, so callers can answer the sender and carry on.
 */
public final class IrcParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IrcParseException(String reason) {
        super(reason, null, false, false); // no stack trace: this is a user's mistake, not our bug
    }
}
