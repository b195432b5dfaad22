package org.chatroom.server.command;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.core.Cap;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;
import org.chatroom.server.store.ChatStore;
import org.chatroom.server.store.HistoryRef;
import org.chatroom.server.store.HistoryRow;
import org.chatroom.server.store.HistoryTarget;

/**
 * IRCv3 {@code draft/chathistory}: {@code CHATHISTORY LATEST|BEFORE|AFTER|AROUND|BETWEEN|TARGETS}.
 * The query runs on the store's readers while this connection waits ({@link Session#await}); the
 * answer is always a batch, empty when there is nothing or the target may not be read (the spec
 * says not to tell which). Errors are {@code FAIL CHATHISTORY <code> <subcommand> ...}.
 */
final class ChathistoryCommand {
    private static final Logger LOG = LogManager.getLogger();
    private static final String CMD = "CHATHISTORY";

    private ChathistoryCommand() {
    }

    static void register(CommandDispatcher d) {
        d.add(CMD, 0, false, ChathistoryCommand::run);
    }

    /** A bad request: the code and what to say, and the context after the subcommand. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;
        final String[] context;

        Invalid(String code, String message, String... context) {
            super(message, null, false, false);
            this.code = code;
            this.context = context;
        }
    }

    private static void run(Session s, IrcMessage m) {
        String sub = m.param(0) == null ? "" : m.param(0).toUpperCase(Locale.ROOT);
        try {
            switch (sub) {
                case "LATEST", "BEFORE", "AFTER", "AROUND" -> page(s, sub, m, 4);
                case "BETWEEN" -> page(s, sub, m, 5);
                case "TARGETS" -> targets(s, m);
                case "" -> throw new Invalid("NEED_MORE_PARAMS", "Missing parameters: CHATHISTORY <subcommand> ...");
                default -> throw new Invalid("INVALID_PARAMS", "Unknown subcommand " + m.param(0)
                        + " (LATEST, BEFORE, AFTER, AROUND, BETWEEN or TARGETS)");
            }
        } catch (Invalid e) {
            List<String> context = new ArrayList<>();
            context.add(sub.isEmpty() ? "*" : sub);
            context.addAll(List.of(e.context));
            StandardReplies.fail(s, CMD, e.code, e.getMessage(), context.toArray(String[]::new));
        }
    }

    private static void page(Session s, String sub, IrcMessage m, int params) throws Invalid {
        if (m.params().size() < params) {
            throw new Invalid("NEED_MORE_PARAMS", "Missing parameters: CHATHISTORY " + sub + " <target> "
                    + (params == 5 ? "<ref> <ref>" : "<ref>") + " <limit>");
        }
        String target = m.param(1);
        int limit = limit(s, m.param(params - 1));
        HistoryRef a = sub.equals("LATEST") && m.param(2).equals("*") ? null : ref(m.param(2), target);
        HistoryRef b = params == 5 ? ref(m.param(3), target) : null;
        Client c = s.client();
        ChatStore store = s.context().store();
        String key;
        String shown;
        if (NameRules.isRoomName(target)) {
            Room room = s.context().registry().rooms().get(target);
            if (room == null ? !s.context().config().get(ServerConfigKeys.ROOMS_USER_CREATE) : !room.mayReadHistory(c)) {
                HistoryBatch.send(s, target, List.of()); // as if there were nothing: no hint whether it exists
                return;
            }
            key = room == null ? ChatRegistry.MAPPING.fold(target) : room.key();
            shown = room == null ? target : room.name();
        } else {
            if (c.account() == null) {
                throw new Invalid("INVALID_TARGET", "Private history is kept between accounts: log in first", target);
            }
            Client peer = s.context().registry().byNick(target);
            String peerAccount = peer != null && peer.account() != null ? peer.account() : target;
            key = HistoryRow.privateKey(ChatRegistry.MAPPING.fold(c.account()), ChatRegistry.MAPPING.fold(peerAccount));
            shown = peer != null ? peer.nick() : target;
        }
        if (!s.context().history().enabled()) {
            HistoryBatch.send(s, shown, List.of());
            return;
        }
        boolean events = c.has(Cap.EVENT_PLAYBACK);
        CompletableFuture<List<HistoryRow>> rows = switch (sub) {
            case "LATEST" -> store.latest(key, a, limit, events);
            case "BEFORE" -> store.before(key, a, limit, events);
            case "AFTER" -> store.after(key, a, limit, events);
            case "AROUND" -> store.around(key, a, limit, events);
            default -> store.between(key, a, b, limit, events);
        };
        s.await(rows, (found, error) -> {
            if (error != null) {
                LOG.warn("CHATHISTORY {} for {} failed: {}", sub, c.nick(), error.getMessage());
                StandardReplies.fail(s, CMD, "MESSAGE_ERROR", "Messages could not be retrieved", sub, target);
            } else {
                HistoryBatch.send(s, shown, found);
            }
        });
    }

    private static void targets(Session s, IrcMessage m) throws Invalid {
        if (m.params().size() < 4) {
            throw new Invalid("NEED_MORE_PARAMS", "Missing parameters: CHATHISTORY TARGETS <timestamp> <timestamp> <limit>");
        }
        HistoryRef a = ref(m.param(1), null);
        HistoryRef b = ref(m.param(2), null);
        if (a.isMsgid() || b.isMsgid()) {
            throw new Invalid("INVALID_PARAMS", "TARGETS takes timestamps only (timestamp=YYYY-MM-DDThh:mm:ss.sssZ)");
        }
        int limit = limit(s, m.param(3));
        Client c = s.client();
        List<String> rooms = c.rooms().stream().map(Room::key).toList();
        long from = Math.min(a.timeMillis(), b.timeMillis());
        long to = Math.max(a.timeMillis(), b.timeMillis());
        CompletableFuture<List<HistoryTarget>> found = s.context().history().enabled()
                ? s.context().store().targets(c.account(), rooms, from, to, limit)
                : CompletableFuture.completedFuture(List.of());
        s.await(found, (list, error) -> {
            if (error != null) {
                LOG.warn("CHATHISTORY TARGETS for {} failed: {}", c.nick(), error.getMessage());
                StandardReplies.fail(s, CMD, "MESSAGE_ERROR", "Targets could not be retrieved", "TARGETS", "*");
                return;
            }
            String server = s.context().config().get(ServerConfigKeys.SERVER_NAME);
            List<byte[]> lines = new ArrayList<>();
            for (HistoryTarget t : list) {
                Room room = t.name().startsWith("#") ? s.context().registry().rooms().get(t.name()) : null;
                String name = room != null ? room.name() : t.name();
                lines.add(org.chatroom.server.core.OutboundLine.reply(IrcMessage.from(server, CMD, "TARGETS", name,
                        "timestamp=" + Timestamps.format(t.lastMillis())), c.caps()));
            }
            HistoryBatch.frame(s, "draft/chathistory-targets", lines);
        });
    }

    private static int limit(Session s, String text) throws Invalid {
        int max = s.context().config().get(ServerConfigKeys.HISTORY_MAX);
        try {
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw new Invalid("INVALID_PARAMS", "The limit must be a whole number from 1 to " + max, text);
        }
    }

    /** {@code msgid=ID} or {@code timestamp=YYYY-MM-DDThh:mm:ss.sssZ}. */
    private static HistoryRef ref(String text, String target) throws Invalid {
        if (text.startsWith("msgid=") && text.length() > "msgid=".length()) {
            return HistoryRef.msgid(text.substring("msgid=".length()));
        }
        if (text.startsWith("timestamp=")) {
            try {
                return HistoryRef.time(Instant.parse(text.substring("timestamp=".length())).toEpochMilli());
            } catch (DateTimeParseException e) {
                // said below
            }
        }
        String[] context = target == null ? new String[] {text} : new String[] {target, text};
        throw new Invalid("INVALID_PARAMS", "A message reference is msgid=ID or timestamp=YYYY-MM-DDThh:mm:ss.sssZ"
                + " (or * for LATEST)", context);
    }
}
