package org.chatroom.swing;

import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.Icon;

/** The coloured dot before the status text: green connected, amber (re)connecting, red otherwise. */
final class StatusDot implements Icon {
    private final Color color;

    private StatusDot(Color color) {
        this.color = color;
    }

    static StatusDot forStatus(String status) {
        if (status.startsWith("connected")) {
            return new StatusDot(new Color(0x2DA44E));
        }
        if (status.startsWith("connecting") || status.startsWith("reconnecting")) {
            return new StatusDot(new Color(0xD4A72C));
        }
        return new StatusDot(new Color(0xCF222E));
    }

    Color color() {
        return color;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setColor(color);
        int d = Math.min(getIconWidth(), getIconHeight()) - 2;
        g2.fillOval(x + 1, y + 1, d, d);
        g2.dispose();
    }

    @Override
    public int getIconWidth() {
        return com.formdev.flatlaf.util.UIScale.scale(10);
    }

    @Override
    public int getIconHeight() {
        return com.formdev.flatlaf.util.UIScale.scale(10);
    }
}
