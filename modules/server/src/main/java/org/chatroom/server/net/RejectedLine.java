package org.chatroom.server.net;

/**
 * A line the decoder refused (bad UTF-8, forbidden control characters, malformed), passed up the
 * pipeline so the handler can tell the client why while keeping the connection.
 *
 * @param reason one sentence for the client: what was wrong and what is allowed
 */
public record RejectedLine(String reason) {
}
