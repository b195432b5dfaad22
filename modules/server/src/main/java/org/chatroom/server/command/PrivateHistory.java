package org.chatroom.server.command;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.context.HistoryRecorder;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.store.AccountRow;
import org.chatroom.server.store.HistoryRow;
import org.chatroom.server.store.PrivateParties;

/**
 * Private messages between accounts are kept (both sides logged in, or the recipient a registered
 * account nobody is on): kept under the pair's target key, and one sent to an account that is
 * offline waits for its next login, where it is played ({@link #playWaiting}).
 */
final class PrivateHistory {
    private static final Logger LOG = LogManager.getLogger();

    private PrivateHistory() {
    }

    private static String key(String accountA, String accountB) {
        return HistoryRow.privateKey(ChatRegistry.MAPPING.fold(accountA), ChatRegistry.MAPPING.fold(accountB));
    }

    /** The line for a message to {@code to}, who is online; kept when both are logged in. */
    static OutboundLine toOnline(Session s, Client to, String command, String text, Map<String, String> tags) {
        Client c = s.client();
        HistoryRecorder h = s.context().history();
        IrcMessage m = IrcMessage.from(c.prefix(), command, to.nick(), text);
        if (c.account() == null || to.account() == null || !h.enabled()) {
            return OutboundLine.of(m, tags).withAccount(c.account());
        }
        String key = key(c.account(), to.account());
        OutboundLine line = OutboundLine.of(m, tags, h.nextTime(key)).withAccount(c.account());
        h.privateMessage(key, line, new PrivateParties(c.account(), to.account(), false));
        return line;
    }

    /**
     * {@code target} is not online: if the sender is logged in and {@code target} is a registered
     * account, the message is kept for its next login (accepted, no 401); else 401 as ever. The
     * account is looked up off the lane.
     */
    static void toOffline(Session s, String target, String command, String text, boolean notice,
                          Map<String, String> tags) {
        Client c = s.client();
        if (c.account() == null || !s.context().history().enabled()) {
            if (!notice) {
                s.reply(Numeric.ERR_NOSUCHNICK, target);
            }
            return;
        }
        s.await(s.context().store().account(target), (Optional<AccountRow> found, Throwable error) -> {
            if (error != null || found == null || found.isEmpty()) {
                if (!notice) {
                    s.reply(Numeric.ERR_NOSUCHNICK, target);
                }
                return;
            }
            String account = found.get().name();
            HistoryRecorder h = s.context().history();
            String key = key(c.account(), account);
            OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), command, account, text), tags, h.nextTime(key))
                    .withAccount(c.account());
            h.privateMessage(key, line, new PrivateParties(c.account(), account, true));
            LOG.info("{} left a message for the offline account {}", c.nick(), account);
            if (c.has(Cap.ECHO_MESSAGE)) {
                c.send(line);
            }
        });
    }

    /** At login: the private messages that waited for this account, with their original time. */
    static void playWaiting(Session s) {
        Client c = s.client();
        if (c.account() == null || !s.context().history().enabled()) {
            return;
        }
        s.await(s.context().store().takePending(c.account()), (List<HistoryRow> rows, Throwable error) -> {
            if (error != null) {
                LOG.warn("cannot read the messages waiting for {}: {}", c.account(), error.getMessage());
                return;
            }
            if (!rows.isEmpty()) {
                LOG.info("{} is played {} message(s) that waited for account {}", c.nick(), rows.size(), c.account());
                HistoryBatch.send(s, c.nick(), rows);
            }
        });
    }
}
