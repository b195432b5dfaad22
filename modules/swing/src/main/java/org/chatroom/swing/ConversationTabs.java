package org.chatroom.swing;

import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.swing.JTabbedPane;

/**
 * The window's tabs: one {@link TranscriptPane} per conversation, kept in step with the
 * {@link ChatModel}. The user's tab clicks and close buttons go to the {@link ChatPresenter}; changes
 * the model makes do not echo back. Every method runs on the EDT.
 */
final class ConversationTabs {
    private final Map<Conversation, TranscriptPane> panes = new IdentityHashMap<>();
    private final JTabbedPane tabs = new JTabbedPane();
    private final ChatPresenter presenter;
    private boolean syncing;

    ConversationTabs(ChatPresenter presenter) {
        this.presenter = presenter;
        tabs.setName("tabs");
        tabs.putClientProperty("JTabbedPane.tabClosable", Boolean.TRUE);
        tabs.putClientProperty("JTabbedPane.tabCloseCallback", (IntConsumer) i -> presenter.closeTab(conversationAt(i), ""));
        tabs.putClientProperty("JTabbedPane.tabType", "card");
        tabs.putClientProperty("JTabbedPane.scrollButtonsPlacement", "trailing");
        tabs.setTabLayoutPolicy(JTabbedPane.SCROLL_TAB_LAYOUT);
        tabs.addChangeListener(e -> {
            Conversation c = conversationAt(tabs.getSelectedIndex());
            if (!syncing && c != null) {
                presenter.select(c);
            }
        });
    }

    JTabbedPane component() {
        return tabs;
    }

    private Conversation conversationAt(int index) {
        if (index < 0 || index >= tabs.getTabCount()) {
            return null;
        }
        for (Map.Entry<Conversation, TranscriptPane> e : panes.entrySet()) {
            if (e.getValue() == tabs.getComponentAt(index)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** A new tab at {@code index} (or last), without selecting it. */
    void add(Conversation c, int index) {
        UiThread.checkOnEdt();
        TranscriptPane pane = new TranscriptPane(ZoneId.systemDefault());
        pane.setName("transcript:" + c.name());
        if (c.type() == Conversation.Type.SERVER) {
            pane.putClientProperty("JTabbedPane.tabClosable", Boolean.FALSE);
        }
        panes.put(c, pane);
        pane.onTopReached(() -> presenter.scrolledToTop(c));
        syncing = true;
        try {
            tabs.insertTab(title(c), null, pane, c.topic(), Math.min(index, tabs.getTabCount()));
        } finally {
            syncing = false;
        }
    }

    void remove(Conversation c) {
        UiThread.checkOnEdt();
        TranscriptPane pane = panes.remove(c);
        if (pane != null) {
            syncing = true;
            try {
                tabs.remove(pane);
            } finally {
                syncing = false;
            }
        }
    }

    /** Refreshes the title, tooltip and name; false if there is no tab for {@code c}. */
    boolean changed(Conversation c) {
        UiThread.checkOnEdt();
        TranscriptPane pane = panes.get(c);
        if (pane == null) {
            return false;
        }
        int i = tabs.indexOfComponent(pane);
        tabs.setTitleAt(i, title(c));
        tabs.setToolTipTextAt(i, c.topic().isEmpty() ? null : c.topic());
        pane.setName("transcript:" + c.name());
        return true;
    }

    void append(Conversation c, ChatLine line, int dropped) {
        UiThread.checkOnEdt();
        TranscriptPane pane = panes.get(c);
        if (pane != null) {
            pane.append(line, dropped);
        }
    }

    /** An older page of history above the first line of {@code c}'s transcript. */
    void prepend(Conversation c, java.util.List<ChatLine> page) {
        UiThread.checkOnEdt();
        TranscriptPane pane = panes.get(c);
        if (pane != null) {
            pane.prepend(page);
        }
    }

    /** Shows {@code c}'s tab, if it has one. */
    void select(Conversation c) {
        UiThread.checkOnEdt();
        TranscriptPane pane = panes.get(c);
        if (pane != null && tabs.getSelectedComponent() != pane) {
            syncing = true;
            try {
                tabs.setSelectedComponent(pane);
            } finally {
                syncing = false;
            }
        }
    }

    /** Redraws every transcript after a theme change. */
    void restyle() {
        UiThread.checkOnEdt();
        for (Map.Entry<Conversation, TranscriptPane> e : panes.entrySet()) {
            e.getValue().restyle(e.getKey().lines());
        }
    }

    /** The transcript of the conversation with this name, ignoring case; null if none. */
    TranscriptPane transcript(String name) {
        for (Map.Entry<Conversation, TranscriptPane> e : panes.entrySet()) {
            if (e.getKey().name().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The tab title: the name, and the unread count in bold (red for a mention or private message). */
    static String title(Conversation c) {
        if (c.unread() == 0) {
            return c.name();
        }
        String color = c.mentioned() ? "#e5534b" : "#4493f8";
        return "<html><b>" + ChatWindow.escape(c.name()) + "</b> <font color='" + color + "'>(" + c.unread()
                + ")</font></html>";
    }
}
