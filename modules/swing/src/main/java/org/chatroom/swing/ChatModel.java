package org.chatroom.swing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the window shows, without any Swing component: the conversations (tabs) in order, the
 * selected one, our nick, the status line and the banner. Confined to the UI thread; changes are
 * announced to {@link ChatModelListener}s.
 */
final class ChatModel {
    static final String SERVER_TAB = "Server";

    private final UiThread ui;
    private final int maxLines;
    private final List<Conversation> conversations = new ArrayList<>();
    private final List<ChatModelListener> listeners = new CopyOnWriteArrayList<>();
    private Conversation selected;
    private String nick = "";
    private String server = "";
    private String status = "not connected";
    private Banner banner;

    ChatModel(UiThread ui, int maxLines) {
        this.ui = ui;
        this.maxLines = maxLines;
        Conversation s = new Conversation(Conversation.Type.SERVER, SERVER_TAB, maxLines);
        conversations.add(s);
        selected = s;
    }

    void addListener(ChatModelListener l) {
        listeners.add(l);
    }

    int maxLines() {
        return maxLines;
    }

    List<Conversation> conversations() {
        ui.check();
        return List.copyOf(conversations);
    }

    Conversation serverTab() {
        return conversations.get(0);
    }

    Conversation selected() {
        ui.check();
        return selected;
    }

    /** The room or private conversation named {@code name}, or null. */
    Conversation find(String name) {
        ui.check();
        String key = Conversation.key(name);
        for (Conversation c : conversations) {
            if (c.type() != Conversation.Type.SERVER && Conversation.key(c.name()).equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** The conversation named {@code name}, added at the end if new. */
    Conversation open(Conversation.Type type, String name) {
        ui.check();
        Conversation c = find(name);
        if (c == null) {
            c = new Conversation(type, name, maxLines);
            conversations.add(c);
            for (ChatModelListener l : listeners) {
                l.conversationAdded(c, conversations.size() - 1);
            }
        }
        return c;
    }

    void remove(Conversation c) {
        ui.check();
        if (c.type() == Conversation.Type.SERVER || !conversations.contains(c)) {
            return;
        }
        int i = conversations.indexOf(c);
        conversations.remove(c);
        for (ChatModelListener l : listeners) {
            l.conversationRemoved(c);
        }
        if (selected == c) {
            select(conversations.get(Math.max(0, Math.min(i, conversations.size()) - 1)));
        }
    }

    void select(Conversation c) {
        ui.check();
        if (!conversations.contains(c)) {
            return;
        }
        boolean wasUnread = c.unread() > 0;
        c.markRead();
        if (selected != c) {
            selected = c;
            for (ChatModelListener l : listeners) {
                l.selectionChanged(c);
            }
        }
        if (wasUnread) {
            changed(c);
        }
    }

    /** Appends a line; counts it as unread unless its tab is showing or {@code quiet}. */
    void add(Conversation c, ChatLine line, boolean quiet, boolean mention) {
        ui.check();
        int dropped = c.add(line);
        for (ChatModelListener l : listeners) {
            l.lineAdded(c, line, dropped);
        }
        if (c != selected && !quiet) {
            c.markUnread(mention);
            changed(c);
        }
    }

    /** Puts an older page of history above the first line of {@code c} (never counted as unread). */
    void prepend(Conversation c, List<ChatLine> page) {
        ui.check();
        List<ChatLine> put = c.prepend(page);
        if (!put.isEmpty()) {
            for (ChatModelListener l : listeners) {
                l.linesPrepended(c, put);
            }
        }
    }

    void changed(Conversation c) {
        ui.check();
        for (ChatModelListener l : listeners) {
            l.conversationChanged(c);
        }
    }

    String nick() {
        return nick;
    }

    String server() {
        return server;
    }

    String status() {
        return status;
    }

    Banner banner() {
        return banner;
    }

    void connection(String nick, String server, String status, Banner banner) {
        ui.check();
        this.nick = nick;
        this.server = server;
        this.status = status;
        this.banner = banner;
        for (ChatModelListener l : listeners) {
            l.connectionChanged(this);
        }
    }
}
