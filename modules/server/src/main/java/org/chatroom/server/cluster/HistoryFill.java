package org.chatroom.server.cluster;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Room;
import org.chatroom.server.store.HistoryRef;
import org.chatroom.server.store.HistoryRow;

/**
 * After a Redis outage: the room messages other nodes took meanwhile never reached this node over
 * pub/sub, but their nodes wrote them to the shared history. They are read from the store (on the
 * upkeep thread, never a loop) and delivered to this node's members with their own time and msgid;
 * what this node delivered already (said here, or received live) is skipped by msgid. Only messages (PRIVMSG,
 * NOTICE) are filled: joins and parts are made good by re-reading the members.
 */
final class HistoryFill {
    private static final Logger LOG = LogManager.getLogger();
    /** Most lines filled per room: past it, CHATHISTORY has the rest. */
    private static final int MAX_LINES = 1000;

    private HistoryFill() {
    }

    static void fill(ServerContext ctx, Collection<String> roomKeys, long sinceMillis, SeenMessages seen, UnsentEvents ours) {
        if (!ctx.history().enabled()) {
            return;
        }
        long filled = 0;
        for (String key : roomKeys) {
            Room room = ctx.registry().rooms().get(key);
            if (room == null) {
                continue;
            }
            try {
                for (HistoryRow row : ctx.store().after(key, HistoryRef.time(sinceMillis), MAX_LINES, false)
                        .get(10, TimeUnit.SECONDS)) {
                    if (ours.contains(row.msgid()) || !seen.add(row.msgid())) {
                        continue; // said here, or reached here live or by an earlier fill
                    }
                    OutboundLine line = OutboundLine.replay(row.line(), row.timeMillis(), row.msgid(), row.tags())
                            .withAccount(row.account());
                    QuietGhosts.beforeMessage(ctx, room, ctx.registry().byNick(ClusterReceiver.nickOf(row.sender())));
                    room.broadcast(line, null, ctx.stats());
                    filled++;
                }
            } catch (Exception e) {
                LOG.warn("cluster: cannot fill {} from the history after the outage: {}", room.name(), e.toString());
            }
        }
        LOG.info("cluster: {} room messages lost during the outage delivered from the history", filled);
    }
}
