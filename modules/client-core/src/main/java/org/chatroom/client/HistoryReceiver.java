package org.chatroom.client;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chatroom.client.ChatEvent.HistoryKind;
import org.chatroom.protocol.IrcMessage;

/**
 * History on one connection (IRCv3 {@code draft/chathistory}, {@code batch}, {@code draft/read-marker}):
 * asks for the latest lines of a room we join, or, when we have seen lines of it before (a reconnect),
 * for those after the newest one, page after page until the gap is closed; collects the lines of each
 * {@code chathistory} batch and reports them as one {@link ChatEvent.History}, without the ones seen
 * already. Lines replayed on JOIN by a server we did not ask (older than our JOIN) count as history too.
 * Runs on the reader thread, except {@link #request} which a user's thread may call too.
 */
final class HistoryReceiver {
    static final String CAP = "draft/chathistory";
    /** How many pages a gap fill asks for at most, so a gap of days does not flood the screen. */
    static final int MAX_GAP_PAGES = 20;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ChatClient client;
    private final Session session;
    private final HistoryTracker tracker;
    /** Open chathistory batches by reference tag. */
    private final Map<String, Batch> open = new HashMap<>();
    /** Requests sent and not yet answered, by folded target, oldest first; guarded by itself. */
    private final Map<String, Deque<Request>> pending = new HashMap<>();
    /** Our JOIN's server time per folded room, to tell replayed lines from live ones. */
    private final Map<String, Instant> joinedAt = new HashMap<>();
    private volatile int serverLimit = Integer.MAX_VALUE;

    private record Request(HistoryKind kind, int limit, int page) {
    }

    private static final class Batch {
        final String target;
        final List<IrcMessage> lines = new ArrayList<>();

        Batch(String target) {
            this.target = target;
        }
    }

    HistoryReceiver(ChatClient client, Session session) {
        this.client = client;
        this.session = session;
        this.tracker = client.history();
    }

    /** The server's {@code CHATHISTORY=} from 005: the most lines one request may ask for (0: no limit). */
    void serverLimit(String value) {
        try {
            int n = Integer.parseInt(value);
            serverLimit = n > 0 ? n : Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            // keep asking for our own number: a server that garbles 005 may still answer
        }
    }

    /** Handles what belongs to history; true if the message needs nothing more. */
    boolean handle(IrcMessage msg) {
        String ref = msg.tags().get("batch");
        if (ref != null && open.containsKey(ref)) {
            open.get(ref).lines.add(msg);
            return true;
        }
        switch (msg.command()) {
            case "BATCH" -> {
                batch(msg);
                return true;
            }
            case "MARKREAD" -> {
                String at = msg.param(1);
                Instant readUpTo = at != null && at.startsWith("timestamp=") ? parse(at.substring("timestamp=".length())) : null;
                client.emit(new ChatEvent.ReadMarker(Instant.now(), msg.param(0), readUpTo));
                return true;
            }
            case "FAIL" -> {
                if (!"CHATHISTORY".equals(msg.param(0))) {
                    return false;
                }
                if ("INVALID_TARGET".equals(msg.param(1)) && msg.params().size() > 4) {
                    poll(msg.param(3)); // FAIL CHATHISTORY INVALID_TARGET <subcommand> <target> :text
                }
                client.emit(new ChatEvent.ServerError(Instant.now(), "FAIL", "history: " + msg.last()));
                return true;
            }
            case "PRIVMSG", "NOTICE" -> {
                return ref == null && replayed(msg);
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * We joined {@code room} (at {@code time} by the server's clock, null without server-time): ask for
     * what was said before, or only what we missed since the last line we saw.
     */
    void joined(String room, Instant time) {
        if (time != null) {
            joinedAt.put(fold(room), time);
        } else {
            joinedAt.remove(fold(room));
        }
        if (!enabled()) {
            return;
        }
        if (tracker.newest(room) != null) {
            request(room, HistoryKind.MISSED, client.config().historyLines(), 0);
        } else if (client.config().historyLines() > 0) {
            request(room, HistoryKind.JOINED, client.config().historyLines(), 0);
        }
    }

    /** Back after a reconnect: private conversations have no JOIN, so fill their gaps now. */
    void reconnected() {
        if (enabled()) {
            for (String peer : tracker.privateTargets()) {
                request(peer, HistoryKind.MISSED, client.config().historyLines(), 0);
            }
        }
    }

    boolean enabled() {
        return client.enabledCapabilities().contains(CAP);
    }

    /**
     * Sends the CHATHISTORY request for {@code kind}: LATEST with nothing seen yet, AFTER the newest
     * line seen for MISSED, BEFORE the oldest for OLDER. False if not connected.
     */
    boolean request(String target, HistoryKind kind, int limit, int page) {
        int n = Math.max(1, Math.min(limit, serverLimit));
        Instant newest = tracker.newest(target);
        Instant oldest = tracker.oldest(target);
        IrcMessage line;
        if (kind == HistoryKind.MISSED && newest != null) {
            line = IrcMessage.of("CHATHISTORY", "AFTER", target, "timestamp=" + TIMESTAMP.format(newest), Integer.toString(n));
        } else if (kind == HistoryKind.OLDER && oldest != null) {
            line = IrcMessage.of("CHATHISTORY", "BEFORE", target, "timestamp=" + TIMESTAMP.format(oldest), Integer.toString(n));
        } else {
            line = IrcMessage.of("CHATHISTORY", "LATEST", target, "*", Integer.toString(n));
        }
        synchronized (pending) {
            pending.computeIfAbsent(fold(target), k -> new ArrayDeque<>()).add(new Request(kind, n, page));
        }
        if (!session.sendIfRegistered(line)) {
            poll(target);
            return false;
        }
        return true;
    }

    /** Sends MARKREAD for {@code target} up to {@code time}, if the server keeps read markers. */
    boolean markRead(String target, Instant time) {
        return client.enabledCapabilities().contains("draft/read-marker")
                && session.sendIfRegistered(IrcMessage.of("MARKREAD", target, "timestamp=" + TIMESTAMP.format(time)));
    }

    private void batch(IrcMessage msg) {
        String id = msg.param(0);
        if (id == null || id.length() < 2) {
            return;
        }
        String ref = id.substring(1);
        if (id.charAt(0) == '+' && msg.params().size() >= 3
                && ("chathistory".equals(msg.param(1)) || "draft/chathistory".equals(msg.param(1)))) {
            open.put(ref, new Batch(msg.param(2)));
        } else if (id.charAt(0) == '-') {
            Batch done = open.remove(ref);
            if (done != null) {
                finish(done);
            }
        }
    }

    private void finish(Batch batch) {
        // by conversation: a batch for our own nick (private messages that waited for our login) holds several
        Map<String, List<ChatEvent>> byConversation = new java.util.LinkedHashMap<>();
        for (IrcMessage m : batch.lines) {
            boolean self = client.members().sameName(m.sourceNick(), client.nick());
            ChatEvent e = MessageEvents.of(m, MessageEvents.timeOf(m), self);
            String conversation = MessageEvents.conversation(m, self);
            if (e != null && conversation != null && tracker.seen(conversation, e.time(), m.tags().get("msgid"))) {
                byConversation.computeIfAbsent(conversation, k -> new ArrayList<>()).add(e);
            }
        }
        Request r = poll(batch.target);
        boolean waitedForUs = client.members().sameName(batch.target, client.nick()); // played at login: missed
        HistoryKind kind = r != null ? r.kind() : waitedForUs ? HistoryKind.MISSED : HistoryKind.JOINED;
        if (byConversation.isEmpty() && kind == HistoryKind.OLDER) { // an empty older page says: nothing before
            client.emit(new ChatEvent.History(Instant.now(), batch.target, kind, List.of()));
        }
        byConversation.forEach((target, lines) -> client.emit(new ChatEvent.History(Instant.now(), target, kind, lines)));
        if (r != null && kind == HistoryKind.MISSED && batch.lines.size() >= r.limit() && r.page() + 1 < MAX_GAP_PAGES) {
            request(batch.target, kind, r.limit(), r.page() + 1); // the gap is longer than a page
        }
    }

    /** A line outside any batch but older than our JOIN: a server replaying history on join. */
    private boolean replayed(IrcMessage msg) {
        Instant at = MessageEvents.serverTime(msg);
        String target = msg.param(0);
        Instant joined = target == null ? null : joinedAt.get(fold(target));
        if (at == null || joined == null || !at.isBefore(joined)) {
            return false;
        }
        boolean self = client.members().sameName(msg.sourceNick(), client.nick());
        ChatEvent e = MessageEvents.of(msg, at, self);
        if (e != null && tracker.seen(target, at, msg.tags().get("msgid"))) {
            client.emit(new ChatEvent.History(Instant.now(), target, HistoryKind.JOINED, List.of(e)));
        }
        return true;
    }

    private Request poll(String target) {
        synchronized (pending) {
            Deque<Request> q = pending.get(fold(target));
            return q == null ? null : q.poll();
        }
    }

    private String fold(String name) {
        return client.members().caseMapping().fold(name);
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
