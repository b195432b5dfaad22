package org.chatroom.server.net;

import org.chatroom.protocol.IrcMessage;

/**
 * A line the decoder refused (too long, bad UTF-8, forbidden control characters, malformed) or a
 * blank one, passed up the pipeline so that flood control counts it like any other line and the
 * session can tell the client why while keeping the connection.
 *
 * @param reason      one sentence for the client: what was wrong and what is allowed (empty for a blank line)
 * @param tooLong     true when the answer is 417 rather than a NOTICE
 * @param blank       true for an empty line: costs flood tokens, gets no answer (Modern IRC ignores it)
 * @param invalidUtf8 true for a line that is not UTF-8: answered by the session (FAIL INVALID_UTF8)
 * @param replaced    for a non-UTF-8 line, the line with each bad sequence replaced by U+FFFD (null if
 *                    even that does not parse)
 */
public record RejectedLine(String reason, boolean tooLong, boolean blank, boolean invalidUtf8, IrcMessage replaced) {
    private static final RejectedLine OVERLONG = new RejectedLine("Input line was too long", true, false, false, null);
    private static final RejectedLine EMPTY = new RejectedLine("", false, true, false, null);

    public RejectedLine(String reason) {
        this(reason, false, false, false, null);
    }

    public static RejectedLine invalidUtf8(IrcMessage replaced) {
        return new RejectedLine("not valid UTF-8", false, false, true, replaced);
    }

    public static RejectedLine overlong() {
        return OVERLONG;
    }

    public static RejectedLine empty() {
        return EMPTY;
    }
}
