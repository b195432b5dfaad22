package org.chatroom.server.command;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.core.Cap;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;
import org.chatroom.server.store.HistoryRow;

/**
 * IRCv3 {@code draft/read-marker}: {@code MARKREAD <target> [timestamp=...]}. The marker is the
 * account's (kept in the store), so every connection of the account shares it: a move forward is
 * told to each of them that has the cap. A marker never moves back. Without an account there is
 * nothing to keep a marker for: {@code MARKREAD target *}.
 */
final class ReadMarkerCommand {
    private static final Logger LOG = LogManager.getLogger();
    private static final String CMD = "MARKREAD";

    private ReadMarkerCommand() {
    }

    static void register(CommandDispatcher d) {
        d.add(CMD, 0, false, ReadMarkerCommand::run);
    }

    private static void run(Session s, IrcMessage m) {
        Client c = s.client();
        if (m.params().isEmpty() || m.param(0).isEmpty()) {
            StandardReplies.fail(s, CMD, "NEED_MORE_PARAMS", "Missing parameters: MARKREAD <target> [timestamp=...]");
            return;
        }
        String target = m.param(0);
        String key = keyOf(c, target);
        if (key == null || c.account() == null || !s.context().history().enabled()) {
            if (m.params().size() < 2) {
                send(s, c, target, null);
            } else {
                StandardReplies.fail(s, CMD, "ACCOUNT_REQUIRED", "Read markers are kept for accounts: log in first", target);
            }
            return;
        }
        if (m.params().size() < 2) {
            s.await(s.context().store().readMarker(c.account(), key), (Optional<Long> at, Throwable error) -> {
                if (error != null) {
                    StandardReplies.fail(s, CMD, "INTERNAL_ERROR", "The read marker could not be read", target);
                } else {
                    send(s, c, target, at.orElse(null));
                }
            });
            return;
        }
        String ts = m.param(1);
        long at;
        try {
            if (!ts.startsWith("timestamp=")) {
                throw new DateTimeParseException("no prefix", ts, 0);
            }
            at = Instant.parse(ts.substring("timestamp=".length())).toEpochMilli();
        } catch (DateTimeParseException e) {
            StandardReplies.fail(s, CMD, "INVALID_PARAMS", "The marker is timestamp=YYYY-MM-DDThh:mm:ss.sssZ", target, ts);
            return;
        }
        String account = c.account();
        s.await(s.context().store().markRead(account, key, at), (Long stored, Throwable error) -> {
            if (error != null) {
                LOG.warn("MARKREAD for {} failed: {}", c.nick(), error.getMessage());
                StandardReplies.fail(s, CMD, "INTERNAL_ERROR", "The read marker could not be saved", target);
                return;
            }
            for (Client other : s.context().registry().clients()) { // every connection of the account
                if (other.has(Cap.READ_MARKER) && account.equals(other.account())) {
                    other.send(marker(s, other, target, stored));
                }
            }
            if (!c.has(Cap.READ_MARKER)) {
                send(s, c, target, stored);
            }
        });
    }

    /** The history key of {@code target} as {@code c} reads it, or null for a nick when {@code c} has no account. */
    static String keyOf(Client c, String target) {
        if (NameRules.isRoomName(target)) {
            return ChatRegistry.MAPPING.fold(target);
        }
        return c.account() == null ? null
                : HistoryRow.privateKey(ChatRegistry.MAPPING.fold(c.account()), ChatRegistry.MAPPING.fold(target));
    }

    private static IrcMessage marker(Session s, Client to, String target, Long at) {
        String server = s.context().config().get(ServerConfigKeys.SERVER_NAME);
        return IrcMessage.from(server, CMD, target, at == null ? "*" : "timestamp=" + Timestamps.format(at));
    }

    private static void send(Session s, Client c, String target, Long at) {
        c.send(marker(s, c, target, at));
    }

    /** After a JOIN: the account's marker of each room, for a client with the cap (one read for all the rooms). */
    static java.util.concurrent.CompletableFuture<java.util.List<Optional<Long>>> markersOf(Session s,
                                                                                            java.util.List<Room> rooms) {
        Client c = s.client();
        var reads = rooms.stream().map(r -> s.context().store().readMarker(c.account(), r.key())).toList();
        return java.util.concurrent.CompletableFuture.allOf(reads.toArray(java.util.concurrent.CompletableFuture[]::new))
                .thenApply(v -> reads.stream().map(java.util.concurrent.CompletableFuture::join).toList());
    }

    static void sendAfterJoin(Session s, Room room, Optional<Long> at) {
        send(s, s.client(), room.name(), at.orElse(null));
    }
}
