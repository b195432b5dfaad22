package org.chatroom.server.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.command.Batches;
import org.chatroom.server.command.MonitorCommands;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;

/**
 * A node is gone (its lease expired, or it shut down): every ghost of it quits here, and each local
 * user who shared a room with them is told, in one IRCv3 {@code netsplit} batch when it took
 * {@code batch}, else as plain QUIT lines.
 */
final class Netsplit {
    private static final Logger LOG = LogManager.getLogger();
    private static final AtomicLong BATCHES = new AtomicLong();

    private Netsplit() {
    }

    static void tell(ServerContext ctx, String dead, String reason) {
        ChatRegistry registry = ctx.registry();
        Map<Client, List<OutboundLine>> told = new LinkedHashMap<>();
        List<String> gone = new ArrayList<>();
        registry.atomically(() -> {
            for (Client g : registry.clients()) {
                if (!g.ghost() || !dead.equals(g.node())) {
                    continue;
                }
                OutboundLine quit = OutboundLine.of(IrcMessage.from(g.prefix(), "QUIT", reason));
                for (Client peer : registry.remove(g)) {
                    if (!peer.ghost()) {
                        told.computeIfAbsent(peer, p -> new ArrayList<>()).add(quit);
                    }
                }
                gone.add(g.nick());
            }
        });
        if (gone.isEmpty()) {
            return;
        }
        LOG.info("cluster: node {} is gone: {} of its users quit ({} local users told)", dead, gone.size(), told.size());
        String server = ctx.config().get(ServerConfigKeys.SERVER_NAME);
        told.forEach((peer, lines) -> {
            if (!peer.has(Cap.BATCH)) {
                lines.forEach(peer::send);
                return;
            }
            String id = "split" + BATCHES.incrementAndGet();
            peer.lane().execute(() -> {
                List<byte[]> bytes = new ArrayList<>(lines.size());
                for (OutboundLine l : lines) {
                    bytes.add(l.bytesFor(peer.caps()));
                }
                Batches.send(peer.outbound()::write, server, id, "netsplit " + server + " " + dead, Map.of(), bytes);
            });
        });
        for (String nick : gone) {
            MonitorCommands.wentOffline(ctx, nick);
        }
    }
}
