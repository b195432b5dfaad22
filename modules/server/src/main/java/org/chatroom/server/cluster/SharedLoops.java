package org.chatroom.server.cluster;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;

/**
 * The daemon's event loops, lent to the Redis client for its subscriptions ({@link RedisLink}): an event
 * from another node is then read, decoded and delivered to the members on that loop in one go, with no
 * hand-off from a Lettuce thread per event (issue 17). The daemon owns the loops and stops them after the
 * link is closed; Lettuce never shuts them.
 *
 * @param group the daemon's worker loops
 * @param channelType the client socket class of the daemon's transport: a Netty 4.2 loop takes only channels
 *     of its own I/O handler, and Lettuce takes epoll whenever it can, whatever the daemon runs; on loops of
 *     another transport the client keeps Lettuce's own threads
 */
public record SharedLoops(EventLoopGroup group, Class<? extends SocketChannel> channelType) {
}
