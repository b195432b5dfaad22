package org.chatroom.server.net;

/**
 * A line the decoder refused (too long, bad UTF-8, forbidden control characters, malformed) or a
 * blank one, passed up the pipeline so that flood control counts it like any other line and the
 * session can tell the client why while keeping the connection.
 *
 * @param reason  one sentence for the client: what was wrong and what is allowed (empty for a blank line)
 * @param tooLong true when the answer is 417 rather than a NOTICE
 * @param blank   true for an empty line: costs flood tokens, gets no answer (Modern IRC ignores it)
 */
public record RejectedLine(String reason, boolean tooLong, boolean blank) {
    private static final RejectedLine OVERLONG = new RejectedLine("Input line was too long", true, false);
    private static final RejectedLine EMPTY = new RejectedLine("", false, true);

    public RejectedLine(String reason) {
        this(reason, false, false);
    }

    public static RejectedLine overlong() {
        return OVERLONG;
    }

    public static RejectedLine empty() {
        return EMPTY;
    }
}
