package org.chatroom.swing;

import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import javax.swing.ButtonGroup;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.KeyStroke;

/** The menu bar: Chat (reconnect, close tab, quit), View (theme), Help (commands, about). */
final class ChatMenus {
    private final ChatWindow window;
    private final ChatPresenter presenter;
    private final GuiPreferences prefs;
    private final SystemDarkMode system;

    ChatMenus(ChatWindow window, ChatPresenter presenter, GuiPreferences prefs, SystemDarkMode system) {
        this.window = window;
        this.presenter = presenter;
        this.prefs = prefs;
        this.system = system;
    }

    JMenuBar build() {
        JMenuBar bar = new JMenuBar();
        int shortcut = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();

        JMenu chat = new JMenu("Chat");
        chat.setMnemonic(KeyEvent.VK_C);
        chat.add(item("Reconnect", KeyStroke.getKeyStroke(KeyEvent.VK_R, shortcut), presenter::reconnect));
        chat.add(item("Close Tab", KeyStroke.getKeyStroke(KeyEvent.VK_W, shortcut),
                () -> presenter.closeTab(presenter.selected(), "")));
        chat.addSeparator();
        chat.add(item("Quit", KeyStroke.getKeyStroke(KeyEvent.VK_Q, shortcut), window::closeRequested));
        bar.add(chat);

        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        ButtonGroup group = new ButtonGroup();
        Theme current = prefs.theme();
        for (Theme t : Theme.values()) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(t.label(), t == current);
            item.addActionListener(e -> {
                prefs.theme(t);
                t.apply(system);
                window.restyle();
            });
            group.add(item);
            view.add(item);
        }
        bar.add(view);

        JMenu help = new JMenu("Help");
        help.setMnemonic(KeyEvent.VK_H);
        help.add(item("Commands", KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0), () -> {
            for (String line : CommandHandler.HELP) {
                presenter.feedback(line);
            }
        }));
        help.add(item("About Chatroom", null, () -> JOptionPane.showMessageDialog(window,
                "Chatroom desktop client " + GuiCli.version(), "About Chatroom", JOptionPane.INFORMATION_MESSAGE)));
        bar.add(help);
        return bar;
    }

    private static JMenuItem item(String label, KeyStroke key, Runnable action) {
        JMenuItem item = new JMenuItem(label);
        if (key != null) {
            item.setAccelerator(key);
        }
        item.addActionListener(e -> action.run());
        return item;
    }
}
