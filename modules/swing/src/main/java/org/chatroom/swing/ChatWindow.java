package org.chatroom.swing;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.Timer;

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
    private final ConversationTabs tabs;
    private final TopicBar topic = new TopicBar();
    private final StatusBar status = new StatusBar();
    private final BannerPanel banner;
    private final UserListPanel users;
    private final InputRow input;
    private final Timer ticker;

    ChatWindow(ChatPresenter presenter, GuiPreferences prefs, SystemDarkMode system) {
        super("Chatroom");
        UiThread.checkOnEdt();
        this.presenter = presenter;
        this.model = presenter.model();
        this.prefs = prefs;
        this.tabs = new ConversationTabs(presenter);
        this.banner = new BannerPanel(presenter::reconnect);
        this.users = new UserListPanel(nick -> presenter.openPrivate(nick, true));
        this.input = new InputRow(presenter);
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        setJMenuBar(new ChatMenus(this, presenter, prefs, system).build());
        layoutComponents();
        sizeWindow();
        int index = 0;
        for (Conversation c : model.conversations()) {
            tabs.add(c, index++);
            for (ChatLine l : c.lines()) {
                tabs.append(c, l, 0);
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

    private void layoutComponents() {
        JPanel north = new JPanel(new BorderLayout());
        north.add(banner, BorderLayout.NORTH);
        north.add(topic, BorderLayout.SOUTH);

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, tabs.component(), users);
        split.setResizeWeight(1.0);
        split.setBorder(BorderFactory.createEmptyBorder());
        users.setPreferredSize(new Dimension(200, 100));
        users.setMinimumSize(new Dimension(120, 50));

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
        tabs.restyle();
        topic.restyle();
        users.updateUI();
        revalidate();
        repaint();
    }

    @Override
    public void conversationAdded(Conversation c, int index) {
        tabs.add(c, index);
    }

    @Override
    public void conversationRemoved(Conversation c) {
        tabs.remove(c);
    }

    @Override
    public void conversationChanged(Conversation c) {
        if (tabs.changed(c) && c == model.selected()) {
            showHeader(c);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void lineAdded(Conversation c, ChatLine line, int dropped) {
        tabs.append(c, line, dropped);
    }

    @Override
    public void linesPrepended(Conversation c, java.util.List<ChatLine> lines) {
        tabs.prepend(c, lines);
    }

    @Override
    public void selectionChanged(Conversation c) {
        UiThread.checkOnEdt();
        tabs.select(c);
        showHeader(c);
        input.target(c);
        input.focus();
    }

    private void showHeader(Conversation c) {
        topic.show(c, model.server());
        users.show(c);
    }

    @Override
    public void connectionChanged(ChatModel m) {
        UiThread.checkOnEdt();
        status.show(m.status());
        banner.show(m.banner());
        setTitle(m.nick().isEmpty() ? "Chatroom" : "Chatroom — " + m.nick() + " @ " + m.server());
        showHeader(model.selected());
    }

    // --- for the end-to-end test ---

    InputRow inputRow() {
        return input;
    }

    TranscriptPane transcript(String name) {
        return tabs.transcript(name);
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
        return tabs.component();
    }
}
