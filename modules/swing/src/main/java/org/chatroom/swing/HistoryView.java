package org.chatroom.swing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.chatroom.client.ChatEvent;
import org.chatroom.protocol.NameRules;

/**
 * History in the window (part of the {@link ChatPresenter}, on the UI thread): lines from the
 * server's history go into their tab set apart; an older page, asked for when the user scrolls to the
 * top, goes above the first line; the "new" divider stands before the first line said after the read
 * marker; and the tab the user looks at, or leaves, is marked read up to its newest line (MARKREAD).
 */
final class HistoryView implements ChatModelListener {
    /** Lines per older page. */
    static final int PAGE = 50;
    static final String DIVIDER_TEXT = "new";

    private final ChatModel model;
    private final Supplier<ChatGateway> gateway;
    private Conversation viewed;

    HistoryView(ChatModel model, Supplier<ChatGateway> gateway) {
        this.model = model;
        this.gateway = gateway;
        model.addListener(this);
    }

    /** Handles the events about history and accounts; false for any other event. */
    boolean apply(ChatEvent event) {
        if (event instanceof ChatEvent.History h) {
            history(h);
        } else if (event instanceof ChatEvent.ReadMarker r) {
            Conversation c = model.find(r.target());
            if (c != null && r.readUpTo() != null && (c.readUpTo() == null || r.readUpTo().isAfter(c.readUpTo()))) {
                c.readUpTo(r.readUpTo());
            }
        } else if (event instanceof ChatEvent.LoggedIn l) {
            model.add(model.serverTab(), new ChatLine(l.time(), LineKind.INFO, null, "logged in as " + l.account()
                    + (l.created() ? " (account created)" : "")), true, false);
        } else {
            return false;
        }
        return true;
    }

    /** The user scrolled to the top of {@code c}: ask for the page before its oldest line, once at a time. */
    void loadOlder(Conversation c) {
        if (c == null || c.type() == Conversation.Type.SERVER || c.loadingOlder() || c.olderExhausted()) {
            return;
        }
        if (gateway.get().history(c.name(), PAGE)) {
            c.loadingOlder(true);
        }
    }

    /** Marks {@code c} read up to its newest line, if that is past its marker. */
    void viewed(Conversation c) {
        if (c == null || c.type() == Conversation.Type.SERVER) {
            return;
        }
        Instant newest = c.newestMessageTime();
        if (newest != null && (c.readUpTo() == null || newest.isAfter(c.readUpTo())) && gateway.get().markRead(c.name(), newest)) {
            c.readUpTo(newest);
        }
    }

    private void history(ChatEvent.History h) {
        Conversation c = model.open(NameRules.isRoomName(h.target()) ? Conversation.Type.ROOM : Conversation.Type.PRIVATE,
                h.target());
        List<ChatLine> lines = new ArrayList<>();
        for (ChatEvent e : h.lines()) {
            ChatLine l = line(e, model.nick());
            if (l != null) {
                lines.add(l);
            }
        }
        if (h.kind() == ChatEvent.HistoryKind.OLDER) {
            c.loadingOlder(false);
            if (lines.isEmpty()) {
                c.olderExhausted(true);
                lines.add(new ChatLine(h.time(), LineKind.INFO, null, "the beginning of the history", true));
            }
            model.prepend(c, lines);
            return;
        }
        for (ChatLine l : lines) {
            Instant marker = c.readUpTo();
            if (marker != null && !c.dividerPlaced() && l.time().isAfter(marker)) {
                c.dividerPlaced(true);
                model.add(c, new ChatLine(l.time(), LineKind.DIVIDER, null, DIVIDER_TEXT), true, false);
            }
            // what was said while we were away is news, and so is what we have not read before we joined
            boolean unread = h.kind() == ChatEvent.HistoryKind.MISSED || marker != null && l.time().isAfter(marker);
            model.add(c, l, !unread, unread && l.kind() == LineKind.MENTION);
        }
        if (c == model.selected()) {
            viewed(c);
        }
    }

    /** A message of history as a transcript line, set apart; null for events history does not carry. */
    static ChatLine line(ChatEvent e, String ourNick) {
        if (e instanceof ChatEvent.RoomMessage m) {
            boolean mention = !m.self() && mentions(m.text(), ourNick);
            LineKind kind = m.self() ? LineKind.OWN_MESSAGE : mention ? LineKind.MENTION : LineKind.MESSAGE;
            return new ChatLine(m.time(), kind, m.nick(), m.text(), true);
        } else if (e instanceof ChatEvent.PrivateMessage m) {
            return new ChatLine(m.time(), m.self() ? LineKind.OWN_MESSAGE : LineKind.MESSAGE, m.from(), m.text(), true);
        } else if (e instanceof ChatEvent.Action a) {
            return new ChatLine(a.time(), LineKind.ACTION, a.nick(), a.text(), true);
        } else if (e instanceof ChatEvent.Notice n) {
            return new ChatLine(n.time(), LineKind.NOTICE, n.from(), n.text(), true);
        }
        return null;
    }

    /** Whether {@code text} names {@code nick} as a word (IRC nicks may hold []{}|^`-). */
    static boolean mentions(String text, String nick) {
        return !nick.isEmpty() && Pattern.compile("(?<![\\w\\[\\]{}|^`-])" + Pattern.quote(nick.toLowerCase(Locale.ROOT))
                + "(?![\\w\\[\\]{}|^`-])").matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    @Override
    public void selectionChanged(Conversation c) {
        viewed(viewed); // read up to where the user left it
        viewed = c;
        viewed(c);
    }

    @Override
    public void conversationAdded(Conversation c, int index) {
        // nothing to remember
    }

    @Override
    public void conversationRemoved(Conversation c) {
        if (viewed == c) {
            viewed = null;
        }
    }

    @Override
    public void conversationChanged(Conversation c) {
        // names, topics and counts are not history
    }

    @Override
    public void lineAdded(Conversation c, ChatLine line, int dropped) {
        // marked read when the user looks at or leaves the tab, not per line
    }

    @Override
    public void connectionChanged(ChatModel m) {
        // nothing to do
    }
}
