package org.chatroom.server.web;

import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.net.NetResources;

/**
 * What every HTTP connection shares: the core and the TCP transport's resources (limits, output
 * budget, writers), the client's files, the metrics, whether the daemon is ready, the group
 * that tells WebSocket users the server is going away, and the count of plain HTTP connections.
 */
record WebResources(ServerContext context, NetResources net, StaticFiles files, WebMetrics metrics,
                    BooleanSupplier ready, ChannelGroup sessions, AtomicInteger webSessions,
                    HttpConnections httpConnections) {
}
