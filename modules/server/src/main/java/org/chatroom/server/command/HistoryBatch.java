package org.chatroom.server.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.chatroom.protocol.MessageTags;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Client;
import org.chatroom.server.store.HistoryRow;

/**
 * Plays stored lines to one client, each with its original msgid and time (as its caps ask), inside
 * a {@code chathistory} batch when the client has {@code batch} (always sent, empty when nothing).
 * Runs on the client's lane; writes through {@link Client#outbound()}, so a labeled response wraps it.
 */
final class HistoryBatch {
    private static final AtomicLong NEXT = new AtomicLong();

    private HistoryBatch() {
    }

    /** Sends {@code rows} as the history of {@code target} (the name the client knows it by). */
    static void send(Session s, String target, List<HistoryRow> rows) {
        Client c = s.client();
        List<byte[]> lines = new ArrayList<>(rows.size());
        for (HistoryRow r : rows) {
            lines.add(bytes(c, r));
        }
        frame(s, "chathistory " + target, lines);
    }

    /** One stored line as {@code c} gets it: time, msgid, client tags and account as negotiated. */
    static byte[] bytes(Client c, HistoryRow r) {
        byte[] b = OutboundLine.replay(r.line(), r.timeMillis(), r.msgid(), r.tags()).bytesFor(c.caps());
        if (r.account() != null && c.has(Cap.ACCOUNT_TAG)) {
            b = Batches.withTags(b, MessageTags.format(Map.of("account", r.account())));
        }
        return b;
    }

    /** {@code lines} in one batch of {@code type} (its parameters included) if the client has batch, else as they are. */
    static void frame(Session s, String type, List<byte[]> lines) {
        Client c = s.client();
        var out = c.outbound();
        if (c.has(Cap.BATCH)) {
            String server = s.context().config().get(ServerConfigKeys.SERVER_NAME);
            Batches.send(out::write, server, "h" + NEXT.incrementAndGet(), type, Map.of(), lines);
        } else {
            lines.forEach(out::write);
        }
        s.context().stats().messagesOut(lines.size());
    }
}
