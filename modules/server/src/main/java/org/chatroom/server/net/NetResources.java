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

    /**
     * The event loops for {@code worker.threads}: the configured number, or for 0 half the cores, at least one.
     * Measured on 2 cores (issue 18, docs/PERFORMANCE.md): one loop moved 5.85 M deliveries/s in F1 against 4.18 M
     * for four; loops beyond half the cores mostly add hand-offs between threads and compete with the kernel's
     * network work, the store's threads and the collector for the other cores.
     */
    public static int workerThreads(int configured, int cores) {
        return configured > 0 ? configured : Math.max(1, cores / 2);
    }

    @Override
    public void close() {
        budget.close();
    }
}
