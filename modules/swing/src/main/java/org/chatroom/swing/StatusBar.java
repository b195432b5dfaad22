package org.chatroom.swing;

import javax.swing.BorderFactory;
import javax.swing.JLabel;

/** The bottom line: the connection status in words, after a coloured dot. */
final class StatusBar extends JLabel {
    StatusBar() {
        setName("status");
        setBorder(BorderFactory.createEmptyBorder(4, 12, 4, 12));
        putClientProperty("FlatLaf.styleClass", "small");
        setIconTextGap(6);
    }

    void show(String status) {
        UiThread.checkOnEdt();
        setText(status);
        setIcon(StatusDot.forStatus(status));
    }
}
