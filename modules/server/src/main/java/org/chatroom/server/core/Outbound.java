package org.chatroom.server.core;

/**
 * The core's only way to reach a connected user: the port every transport implements (TCP and TLS
 * today). Every method but {@link #lane()} is called on {@link #lane()} only. Writes are batched by
 * the transport and flushed once the lane's current work is done.
 */
public interface Outbound {
    /** The lane this connection's output and commands run on. */
    Lane lane();

    /** Queues one encoded line (CRLF included); the array is shared and must not be changed. */
    void write(byte[] line);

    /** Queues {@code lastLine}, sends everything queued, then closes the connection. */
    void close(byte[] lastLine);

    /** Closes at once, dropping whatever is queued (the reader stopped reading). */
    void abort();

    /** Stops reading input until {@link #resumeReading()}: blocking work is being done for this user. */
    void pauseReading();

    void resumeReading();
}
