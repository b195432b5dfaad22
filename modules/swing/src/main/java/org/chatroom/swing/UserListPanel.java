package org.chatroom.swing;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Font;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.UIManager;

/** The members of the selected room with their count; double-click opens a private conversation. */
final class UserListPanel extends JPanel {
    private final JLabel header = new JLabel();
    private final DefaultListModel<String> members = new DefaultListModel<>();
    private final JList<String> list = new JList<>(members);

    UserListPanel(Consumer<String> openPrivate) {
        super(new BorderLayout());
        header.setBorder(BorderFactory.createEmptyBorder(8, 10, 6, 10));
        header.putClientProperty("FlatLaf.styleClass", "h4");
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected, boolean focus) {
                JLabel c = (JLabel) super.getListCellRendererComponent(l, value, index, selected, focus);
                String entry = String.valueOf(value);
                c.setText(entry);
                c.setBorder(BorderFactory.createEmptyBorder(3, 10, 3, 10));
                if (!selected) {
                    c.setForeground(Palette.current().nick(Conversation.bareNick(entry)));
                }
                c.setFont(c.getFont().deriveFont(entry.startsWith("@") ? Font.BOLD : Font.PLAIN));
                return c;
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && list.getSelectedValue() != null) {
                    openPrivate.accept(Conversation.bareNick(list.getSelectedValue()));
                }
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        add(header, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        setBorder(BorderFactory.createMatteBorder(0, 1, 0, 0, UIManager.getColor("Component.borderColor")));
        show(null);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setBorder(BorderFactory.createMatteBorder(0, 1, 0, 0, UIManager.getColor("Component.borderColor")));
    }

    /** Shows the members of {@code c}, or an explanation for the server tab and private conversations. */
    void show(Conversation c) {
        UiThread.checkOnEdt();
        List<String> entries = c == null ? List.of() : c.members();
        if (!new ArrayList<>(entries).equals(currentEntries())) {
            members.clear();
            members.addAll(entries);
        }
        if (c == null || c.type() == Conversation.Type.SERVER) {
            header.setText("No room selected");
        } else if (c.type() == Conversation.Type.PRIVATE) {
            header.setText("Private conversation");
        } else if (!c.joined()) {
            header.setText("Not in " + c.name());
        } else {
            header.setText(entries.size() + (entries.size() == 1 ? " member" : " members"));
        }
    }

    private List<String> currentEntries() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            out.add(members.get(i));
        }
        return out;
    }

    String headerText() {
        return header.getText();
    }

    List<String> entries() {
        return currentEntries();
    }
}
