package org.chatroom.server.net;

/**
 * A line the decoder refused (too long, bad UTF-8, forbidden control characters, malformed), passed
 * up the pipeline so the handler can tell the client why while keeping the connection.
 *
 * @param reason  one sentence for the client: what was wrong and what is allowed
 * @param tooLong true when the answer is 417 rather than a NOTICE
 */
public record RejectedLine(String reason, boolean tooLong) {
    public RejectedLine(String reason) {
        this(reason, false);
    }

    public static RejectedLine overlong() {
        return new RejectedLine("Input line was too long", true);
    }
}
