package org.chatroom.swing;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.Timer;
import javax.swing.UIManager;

/**
 * The main window: banner, topic bar, a tab per conversation, the member list, the input row and the
 * status bar. It only shows the {@link ChatModel} and forwards the user's actions to the
 * {@link ChatPresenter}; every method runs on the EDT.
 */
final class ChatWindow extends JFrame implements ChatModelListener {
    static final Dimension DEFAULT_SIZE = new Dimension(1040, 680);

    private final ChatPresenter presenter;
    private final ChatModel model;
    private final GuiPreferences prefs;
    private final Map<Conversation, TranscriptPane> panes = new IdentityHashMap<>();
    private final JTabbedPane tabs = new JTabbedPane();
    private final JLabel topic = new JLabel();
    private final JLabel status = new JLabel();
    private final BannerPanel banner;
    private final UserListPanel users;
    private final InputRow input;
    private final Timer ticker;
    private boolean syncing;

    ChatWindow(ChatPresenter presenter, GuiPreferences prefs, SystemDarkMode system) {
        super("Chatroom");
        UiThread.checkOnEdt();
        this.presenter = presenter;
        this.model = presenter.model();
        this.prefs = prefs;
        this.banner = new BannerPanel(presenter::reconnect);
        this.users = new UserListPanel(nick -> presenter.openPrivate(nick, true));
        this.input = new InputRow(presenter);
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        setJMenuBar(new ChatMenus(this, presenter, prefs, system).build());
        layoutComponents();
        sizeWindow();
        for (Conversation c : model.conversations()) {
            conversationAdded(c, tabs.getTabCount());
            for (ChatLine l : c.lines()) {
                panes.get(c).append(l, 0);
            }
        }
        model.addListener(this);
        selectionChanged(model.selected());
        connectionChanged(model);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                closeRequested();
            }

            @Override
            public void windowOpened(WindowEvent e) {
                input.focus();
            }
        });
        ticker = new Timer(1000, e -> presenter.tick());
        ticker.start();
        presenter.finished().thenRun(() -> UiThread.EDT.post(this::dispose));
    }

    private void topicBorder() {
        topic.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(8, 12, 8, 12)));
    }

    private void layoutComponents() {
        topicBorder();
        JPanel north = new JPanel(new BorderLayout());
        north.add(banner, BorderLayout.NORTH);
        north.add(topic, BorderLayout.SOUTH);

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
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, tabs, users);
        split.setResizeWeight(1.0);
        split.setBorder(BorderFactory.createEmptyBorder());
        users.setPreferredSize(new Dimension(200, 100));
        users.setMinimumSize(new Dimension(120, 50));

        status.setName("status");
        status.setBorder(BorderFactory.createEmptyBorder(4, 12, 4, 12));
        status.putClientProperty("FlatLaf.styleClass", "small");
        status.setIconTextGap(6);
        JPanel south = new JPanel(new BorderLayout());
        south.add(input, BorderLayout.CENTER);
        south.add(status, BorderLayout.SOUTH);

        JPanel root = new JPanel(new BorderLayout());
        root.add(north, BorderLayout.NORTH);
        root.add(split, BorderLayout.CENTER);
        root.add(south, BorderLayout.SOUTH);
        setContentPane(root);
    }

    private void sizeWindow() {
        Dimension size = prefs.windowSize();
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        Dimension want = size != null ? size : DEFAULT_SIZE;
        setSize(Math.max(480, Math.min(want.width, screen.width)), Math.max(360, Math.min(want.height, screen.height)));
        setMinimumSize(new Dimension(480, 360));
        setLocationRelativeTo(null);
        if (prefs.windowMaximized()) {
            setExtendedState(getExtendedState() | Frame.MAXIMIZED_BOTH);
        }
    }

    /** Close button, Quit menu: remember the size, send QUIT, and go when the connection is closed. */
    void closeRequested() {
        UiThread.checkOnEdt();
        prefs.window(getSize(), (getExtendedState() & Frame.MAXIMIZED_BOTH) != 0);
        setTitle("Chatroom — leaving…");
        presenter.quit("");
    }

    @Override
    public void dispose() {
        ticker.stop();
        super.dispose();
    }

    /** Redraws every transcript after a theme change. */
    void restyle() {
        UiThread.checkOnEdt();
        for (Map.Entry<Conversation, TranscriptPane> e : panes.entrySet()) {
            e.getValue().restyle(e.getKey().lines());
        }
        topicBorder();
        users.updateUI();
        revalidate();
        repaint();
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

    @Override
    public void conversationAdded(Conversation c, int index) {
        UiThread.checkOnEdt();
        TranscriptPane pane = new TranscriptPane(ZoneId.systemDefault());
        pane.setName("transcript:" + c.name());
        if (c.type() == Conversation.Type.SERVER) {
            pane.putClientProperty("JTabbedPane.tabClosable", Boolean.FALSE);
        }
        panes.put(c, pane);
        syncing = true;
        try {
            tabs.insertTab(title(c), null, pane, c.topic(), Math.min(index, tabs.getTabCount()));
        } finally {
            syncing = false;
        }
    }

    @Override
    public void conversationRemoved(Conversation c) {
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

    @Override
    public void conversationChanged(Conversation c) {
        UiThread.checkOnEdt();
        TranscriptPane pane = panes.get(c);
        if (pane == null) {
            return;
        }
        int i = tabs.indexOfComponent(pane);
        tabs.setTitleAt(i, title(c));
        tabs.setToolTipTextAt(i, c.topic().isEmpty() ? null : c.topic());
        pane.setName("transcript:" + c.name());
        if (c == model.selected()) {
            showHeader(c);
        }
    }

    /** The tab title: the name, and the unread count in bold (red for a mention or private message). */
    static String title(Conversation c) {
        if (c.unread() == 0) {
            return c.name();
        }
        String color = c.mentioned() ? "#e5534b" : "#4493f8";
        return "<html><b>" + escape(c.name()) + "</b> <font color='" + color + "'>(" + c.unread() + ")</font></html>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void lineAdded(Conversation c, ChatLine line, int dropped) {
        UiThread.checkOnEdt();
        TranscriptPane pane = panes.get(c);
        if (pane != null) {
            pane.append(line, dropped);
        }
    }

    @Override
    public void selectionChanged(Conversation c) {
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
        showHeader(c);
        input.target(c);
        input.focus();
    }

    private void showHeader(Conversation c) {
        String text = switch (c.type()) {
            case SERVER -> "<b>Server</b>&nbsp;&nbsp;" + escape(model.server());
            case PRIVATE -> "<b>" + escape(c.name()) + "</b>&nbsp;&nbsp;private conversation";
            case ROOM -> "<b>" + escape(c.name()) + "</b>&nbsp;&nbsp;" + (c.topic().isEmpty() ? "<i>no topic</i>" : escape(c.topic()));
        };
        topic.setText("<html>" + text + "</html>");
        users.show(c);
    }

    @Override
    public void connectionChanged(ChatModel m) {
        UiThread.checkOnEdt();
        status.setText(m.status());
        status.setIcon(StatusDot.forStatus(m.status()));
        banner.show(m.banner());
        setTitle(m.nick().isEmpty() ? "Chatroom" : "Chatroom — " + m.nick() + " @ " + m.server());
        showHeader(model.selected());
    }

    // --- for the end-to-end test ---

    InputRow inputRow() {
        return input;
    }

    TranscriptPane transcript(String name) {
        for (Map.Entry<Conversation, TranscriptPane> e : panes.entrySet()) {
            if (e.getKey().name().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    UserListPanel userList() {
        return users;
    }

    BannerPanel banner() {
        return banner;
    }

    String statusText() {
        return status.getText();
    }

    JTabbedPane tabs() {
        return tabs;
    }
}
