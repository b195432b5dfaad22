package org.chatroom.swing;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.UIManager;

/** The line above the transcript: the conversation's name and its topic (or what kind of tab it is). */
final class TopicBar extends JLabel {
    TopicBar() {
        restyle();
    }

    /** The bottom rule takes the theme's border colour: call after a theme change. */
    void restyle() {
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(8, 12, 8, 12)));
    }

    /** Shows {@code c}; {@code server} (host:port) is shown for the server tab. */
    void show(Conversation c, String server) {
        UiThread.checkOnEdt();
        String text = switch (c.type()) {
            case SERVER -> "<b>Server</b>&nbsp;&nbsp;" + ChatWindow.escape(server);
            case PRIVATE -> "<b>" + ChatWindow.escape(c.name()) + "</b>&nbsp;&nbsp;private conversation";
            case ROOM -> "<b>" + ChatWindow.escape(c.name()) + "</b>&nbsp;&nbsp;"
                    + (c.topic().isEmpty() ? "<i>no topic</i>" : ChatWindow.escape(c.topic()));
        };
        setText("<html>" + text + "</html>");
    }
}
