package org.chatroom.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

/** The strip across the top after a disconnection or a kick: what happened, and a Reconnect button. */
final class BannerPanel extends JPanel {
    private final JLabel message = new JLabel();
    private final JButton reconnect = new JButton("Reconnect");
    private final JButton dismiss = new JButton("Dismiss");

    BannerPanel(Runnable onReconnect) {
        super(new BorderLayout(12, 0));
        message.putClientProperty("FlatLaf.styleClass", "h4");
        reconnect.setName("reconnect");
        reconnect.putClientProperty("JButton.buttonType", "default");
        reconnect.addActionListener(e -> onReconnect.run());
        dismiss.addActionListener(e -> setVisible(false));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setOpaque(false);
        buttons.add(dismiss);
        buttons.add(reconnect);
        add(message, BorderLayout.CENTER);
        add(buttons, BorderLayout.EAST);
        restyle();
        setVisible(false);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (message != null) {
            restyle();
        }
    }

    private void restyle() {
        boolean dark = com.formdev.flatlaf.FlatLaf.isLafDark();
        Color bg = dark ? new Color(0x4A1F1F) : new Color(0xFDE7E7);
        Color line = dark ? new Color(0x8B3A3A) : new Color(0xF0B4B4);
        setBackground(bg);
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(0, 0, 1, 0, line),
                BorderFactory.createEmptyBorder(8, 12, 8, 12)));
        message.setForeground(dark ? new Color(0xFFD7D5) : new Color(0x82071E));
        if (UIManager.getFont("h4.font") != null) {
            message.setFont(UIManager.getFont("h4.font"));
        }
    }

    void show(Banner banner) {
        UiThread.checkOnEdt();
        if (banner == null) {
            setVisible(false);
            return;
        }
        message.setText(banner.message());
        reconnect.setVisible(banner.reconnect());
        setVisible(true);
    }

    String messageText() {
        return isVisible() ? message.getText() : null;
    }

    JButton reconnectButton() {
        return reconnect;
    }
}
