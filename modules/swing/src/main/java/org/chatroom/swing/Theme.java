package org.chatroom.swing;

import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.themes.FlatMacDarkLaf;
import com.formdev.flatlaf.themes.FlatMacLightLaf;
import java.util.Locale;

/** The look: FlatLaf light or dark, or whichever the desktop uses ({@link #SYSTEM}, the default). */
enum Theme {
    SYSTEM("Follow the system"),
    LIGHT("Light"),
    DARK("Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Theme parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SYSTEM;
        }
    }

    /** Whether this theme is dark, asking the desktop for {@link #SYSTEM}. */
    boolean dark(SystemDarkMode system) {
        return this == DARK || this == SYSTEM && system.isDark();
    }

    /** Installs the look and feel and repaints every open window; on the EDT. */
    void apply(SystemDarkMode system) {
        UiThread.checkOnEdt();
        FlatLaf laf = dark(system) ? new FlatMacDarkLaf() : new FlatMacLightLaf();
        FlatLaf.setup(laf);
        FlatLaf.updateUI();
    }
}
