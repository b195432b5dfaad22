package org.chatroom.swing;

import java.awt.Dimension;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** What the client remembers between runs (java.util.prefs): the last login, the theme, the window size. */
final class GuiPreferences {
    private static final Logger LOG = LogManager.getLogger();
    private static final String HOST = "host";
    private static final String PORT = "port";
    private static final String NICK = "nick";
    private static final String TLS = "tls";
    private static final String MAX_LINES = "maxLines";
    private static final String THEME = "theme";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";

    private final Preferences node;

    GuiPreferences(Preferences node) {
        this.node = node;
    }

    /** The current user's node for this application. */
    static GuiPreferences user() {
        return new GuiPreferences(Preferences.userRoot().node("org/chatroom/swing"));
    }

    /** The certificates the user chose to trust, per server. */
    CertificatePins certificatePins() {
        return new CertificatePins(node.node("trusted-certificates"));
    }

    /** The last login (nick null when never given), for the dialog and as command-line defaults. */
    GuiOptions lastLogin() {
        String nick = node.get(NICK, "");
        return new GuiOptions(node.get(HOST, GuiOptions.DEFAULT_HOST), node.getInt(PORT, GuiOptions.DEFAULT_PORT),
                nick.isEmpty() ? null : nick, node.getBoolean(TLS, false),
                node.getInt(MAX_LINES, GuiOptions.DEFAULT_MAX_LINES));
    }

    /** The nick to suggest in the dialog. */
    String lastNick() {
        return node.get(NICK, System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9_\\-\\[\\]{}|^`]", ""));
    }

    void saveLogin(GuiOptions o) {
        node.put(HOST, o.host());
        node.putInt(PORT, o.port());
        node.put(NICK, o.nick() == null ? "" : o.nick());
        node.putBoolean(TLS, o.tls());
        flush();
    }

    Theme theme() {
        return Theme.parse(node.get(THEME, Theme.SYSTEM.name()));
    }

    void theme(Theme theme) {
        node.put(THEME, theme.name());
        flush();
    }

    /** The saved window size, or null for the default. */
    Dimension windowSize() {
        int w = node.getInt(WIDTH, -1);
        int h = node.getInt(HEIGHT, -1);
        return w > 0 && h > 0 ? new Dimension(w, h) : null;
    }

    boolean windowMaximized() {
        return node.getBoolean(MAXIMIZED, false);
    }

    void window(Dimension size, boolean maximized) {
        if (!maximized) {
            node.putInt(WIDTH, size.width);
            node.putInt(HEIGHT, size.height);
        }
        node.putBoolean(MAXIMIZED, maximized);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("cannot save preferences: {}", e.getMessage());
        }
    }
}
