package org.chatroom.swing;

import java.util.HashSet;
import java.util.Set;
import org.chatroom.client.ChatEvent;
import org.chatroom.protocol.NameRules;

/**
 * Applies the chat events (everything but connection states) to the {@link ChatModel}: lines in the
 * right tab, member lists, topics, unread counts. Runs on the UI thread.
 */
final class EventApplier {
    private final ChatModel model;
    /** "names #room" / "topic #room" replies the user asked for, shown as lines. */
    private final Set<String> expected = new HashSet<>();
    /** A kick of us just happened: the banner for the coming disconnection. */
    private String kickMessage;

    EventApplier(ChatModel model) {
        this.model = model;
    }

    void expect(String kind, String room) {
        expected.add(kind + " " + Conversation.key(room));
    }

    /** What the last kick of us said, to show when the connection ends; null if none. */
    String takeKickMessage() {
        String k = kickMessage;
        kickMessage = null;
        return k;
    }

    void apply(ChatEvent event) {
        if (event instanceof ChatEvent.RoomMessage m) {
            Conversation c = model.open(Conversation.Type.ROOM, m.room());
            boolean mention = !m.self() && mentions(m.text());
            LineKind kind = m.self() ? LineKind.OWN_MESSAGE : mention ? LineKind.MENTION : LineKind.MESSAGE;
            line(c, new ChatLine(m.time(), kind, m.nick(), m.text()), false, mention);
        } else if (event instanceof ChatEvent.PrivateMessage m) {
            Conversation c = model.open(Conversation.Type.PRIVATE, m.peer());
            line(c, new ChatLine(m.time(), m.self() ? LineKind.OWN_MESSAGE : LineKind.MESSAGE, m.from(), m.text()),
                    false, !m.self());
        } else if (event instanceof ChatEvent.Action a) {
            Conversation c = a.inRoom() ? model.open(Conversation.Type.ROOM, a.target())
                    : model.open(Conversation.Type.PRIVATE, a.self() ? a.target() : a.nick());
            line(c, new ChatLine(a.time(), LineKind.ACTION, a.nick(), a.text()), false,
                    !a.self() && (!a.inRoom() || mentions(a.text())));
        } else if (event instanceof ChatEvent.Notice n) {
            notice(n);
        } else if (event instanceof ChatEvent.Pending p) {
            Conversation c = model.open(NameRules.isRoomName(p.target()) ? Conversation.Type.ROOM : Conversation.Type.PRIVATE,
                    p.target());
            String said = p.action() ? "* " + p.nick() + " " + p.text() : "<" + p.nick() + "> " + p.text();
            line(c, new ChatLine(p.time(), LineKind.INFO, null, "(pending) " + said + " - sent once reconnected"), true, false);
        } else if (event instanceof ChatEvent.Joined j) {
            joined(j);
        } else if (event instanceof ChatEvent.Parted p) {
            parted(p);
        } else if (event instanceof ChatEvent.Quit q) {
            quit(q);
        } else if (event instanceof ChatEvent.Kicked k) {
            kicked(k);
        } else if (event instanceof ChatEvent.NickChanged n) {
            nickChanged(n);
        } else if (event instanceof ChatEvent.Topic t) {
            topic(t);
        } else if (event instanceof ChatEvent.Names n) {
            names(n);
        } else if (event instanceof ChatEvent.ServerError e) {
            Conversation c = model.selected();
            line(c, new ChatLine(e.time(), LineKind.ERROR, null, e.text()), false, false);
        } else if (event instanceof ChatEvent.ServerInfo i) {
            line(model.serverTab(), new ChatLine(i.time(), LineKind.INFO, null, i.text()), true, false);
        }
    }

    private void notice(ChatEvent.Notice n) {
        if (n.fromServer() || n.from() == null) {
            // the operator speaking to everyone (say, shutdown): in the tab the user is looking at, and
            // the server tab is marked unread so it is not missed
            ChatLine line = n.from() == null ? new ChatLine(n.time(), LineKind.INFO, null, n.text())
                    : new ChatLine(n.time(), LineKind.NOTICE, n.from(), n.text());
            line(model.serverTab(), line, false, false);
            if (model.selected() != model.serverTab()) {
                line(model.selected(), line, true, false);
            }
            return;
        }
        Conversation c = NameRules.isRoomName(n.target()) ? model.open(Conversation.Type.ROOM, n.target()) : model.selected();
        line(c, new ChatLine(n.time(), LineKind.NOTICE, n.from(), n.text()), false, false);
    }

    private void joined(ChatEvent.Joined j) {
        if (j.self()) {
            boolean fresh = model.find(j.room()) == null;
            Conversation c = model.open(Conversation.Type.ROOM, j.room());
            c.joined(true);
            c.addMember(model.nick().isEmpty() ? j.nick() : model.nick());
            event(c, j.time(), "you joined " + j.room());
            if (fresh || model.selected().type() == Conversation.Type.SERVER) {
                model.select(c);
            }
            model.changed(c);
            return;
        }
        Conversation c = model.find(j.room());
        if (c != null) {
            c.addMember(j.nick());
            event(c, j.time(), j.nick() + " joined");
            model.changed(c);
        }
    }

    private void parted(ChatEvent.Parted p) {
        Conversation c = model.find(p.room());
        if (c == null) {
            return;
        }
        if (p.self()) {
            c.joined(false);
            model.remove(c);
            event(model.selected(), p.time(), "you left " + p.room() + reason(p.reason()));
            return;
        }
        c.removeMember(p.nick());
        event(c, p.time(), p.nick() + " left" + reason(p.reason()));
        model.changed(c);
    }

    private void quit(ChatEvent.Quit q) {
        for (Conversation c : model.conversations()) {
            boolean member = c.type() == Conversation.Type.ROOM && c.removeMember(q.nick());
            boolean peer = c.type() == Conversation.Type.PRIVATE && Conversation.key(c.name()).equals(Conversation.key(q.nick()));
            if (member || peer) {
                event(c, q.time(), q.nick() + " quit" + reason(q.reason()));
                model.changed(c);
            }
        }
    }

    private void kicked(ChatEvent.Kicked k) {
        Conversation c = model.find(k.room());
        String by = k.by() == null ? "" : " by " + k.by();
        if (k.self()) {
            String text = "You were kicked from " + k.room() + by + reason(k.reason());
            kickMessage = text;
            if (c != null) {
                c.joined(false);
                line(c, new ChatLine(k.time(), LineKind.ERROR, null, text), false, true);
                model.changed(c);
            }
            return;
        }
        if (c != null) {
            c.removeMember(k.nick());
            event(c, k.time(), k.nick() + " was kicked" + by + reason(k.reason()));
            model.changed(c);
        }
    }

    private void nickChanged(ChatEvent.NickChanged n) {
        for (Conversation c : model.conversations()) {
            boolean member = c.type() == Conversation.Type.ROOM && c.renameMember(n.oldNick(), n.newNick());
            boolean peer = c.type() == Conversation.Type.PRIVATE && Conversation.key(c.name()).equals(Conversation.key(n.oldNick()));
            if (peer) {
                c.rename(n.newNick());
            }
            if (member || peer || n.self() && c.type() == Conversation.Type.SERVER) {
                event(c, n.time(), (n.self() ? "you are" : n.oldNick() + " is") + " now known as " + n.newNick());
                model.changed(c);
            }
        }
        if (n.self()) {
            model.connection(n.newNick(), model.server(), model.status().replace(n.oldNick(), n.newNick()), model.banner());
        }
    }

    private void topic(ChatEvent.Topic t) {
        Conversation c = model.find(t.room());
        if (c == null) {
            return;
        }
        c.topic(t.topic());
        boolean asked = expected.remove("topic " + Conversation.key(t.room()));
        if (t.changed()) {
            event(c, t.time(), t.topic().isEmpty() ? t.setBy() + " cleared the topic"
                    : t.setBy() + " set the topic: " + t.topic());
        } else if (asked) {
            event(c, t.time(), t.topic().isEmpty() ? "no topic is set" : "topic: " + t.topic());
        }
        model.changed(c);
    }

    private void names(ChatEvent.Names n) {
        Conversation c = model.find(n.room());
        if (c != null) {
            c.setMembers(n.entries());
            model.changed(c);
        }
        if (expected.remove("names " + Conversation.key(n.room()))) {
            event(c == null ? model.selected() : c, n.time(),
                    "in " + n.room() + " (" + n.entries().size() + "): " + String.join(" ", n.entries()));
        }
    }

    private boolean mentions(String text) {
        return HistoryView.mentions(text, model.nick());
    }

    private void event(Conversation c, java.time.Instant time, String text) {
        line(c, new ChatLine(time, LineKind.EVENT, null, text), true, false);
    }

    private void line(Conversation c, ChatLine line, boolean quiet, boolean mention) {
        model.add(c, line, quiet, mention);
    }

    private static String reason(String reason) {
        return reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
    }
}
