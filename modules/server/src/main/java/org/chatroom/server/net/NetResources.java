package org.chatroom.server.net;

import io.netty.channel.EventLoopGroup;
import org.chatroom.server.command.CommandDispatcher;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;

/**
 * What every connection of every listener (TCP, TLS, WebSocket) shares: the core, the loops' writers, the limits on
 * connections, the budget of queued output and the list of connections still registering.
 */
public final class NetResources implements AutoCloseable {
    final ServerContext context;
    final CommandDispatcher dispatcher = new CommandDispatcher();
    final LoopWriters writers;
    final ConnectionLimiter limiter;
    final OutputBudget budget;
    final UnregisteredConnections unregistered;
    final IrcLineDecoder lineDecoder;

    public NetResources(ServerContext context, EventLoopGroup workers, EventLoopGroup timers) {
        this.context = context;
        this.budget = new OutputBudget(context.config().get(ServerConfigKeys.OUTPUT_BUDGET_BYTES)).start(timers.next());
        this.writers = new LoopWriters(workers, context.stats(), budget);
        this.limiter = new ConnectionLimiter(context);
        this.unregistered = new UnregisteredConnections(() -> context.config().get(ServerConfigKeys.MAX_UNREGISTERED));
        // the limit counts CRLF; tags have their own budget on top (IRCv3 message-tags)
        this.lineDecoder = new IrcLineDecoder(context.stats(), context.config().get(ServerConfigKeys.MAX_LINE_BYTES) - 2);
        context.stats().queuedOutput(budget::queued, budget.budget());
    }

    @Override
    public void close() {
        budget.close();
    }
}
