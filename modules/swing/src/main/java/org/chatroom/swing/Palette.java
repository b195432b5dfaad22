package org.chatroom.swing;

import java.awt.Color;
import org.chatroom.client.NickHash;

/** Colours for the transcript, one set for light and one for dark backgrounds (both readable, WCAG-ish). */
record Palette(Color[] nicks, Color muted, Color error, Color link, Color ownBackground, Color own, Color mention,
                      Color mentionAccent) {
    static final Palette LIGHT = new Palette(new Color[] {
        new Color(0xC0392B), new Color(0x1E8449), new Color(0x9A6700), new Color(0x1F5FBF),
        new Color(0x8E44AD), new Color(0x0E7C86), new Color(0xD35400), new Color(0x2E7D32),
        new Color(0x3949AB), new Color(0xAD1457), new Color(0x00796B), new Color(0x6D4C41),
    }, new Color(0x6E7781), new Color(0xCF222E), new Color(0x0969DA), new Color(0xEAF2FF), new Color(0x0550AE),
            new Color(0xFFF4D1), new Color(0xD4A72C));
    static final Palette DARK = new Palette(new Color[] {
        new Color(0xFF7B72), new Color(0x7EE787), new Color(0xE3B341), new Color(0x79C0FF),
        new Color(0xD2A8FF), new Color(0x56D4DD), new Color(0xFFA657), new Color(0xA5D6A7),
        new Color(0x9FA8DA), new Color(0xF48FB1), new Color(0x80CBC4), new Color(0xBCAAA4),
    }, new Color(0x8B949E), new Color(0xFF7B72), new Color(0x58A6FF), new Color(0x1F2A3A), new Color(0x79C0FF),
            new Color(0x3A3120), new Color(0xE3B341));

    Color nick(String nick) {
        return nicks[NickHash.index(nick, nicks.length)];
    }

    static Palette current() {
        return com.formdev.flatlaf.FlatLaf.isLafDark() ? DARK : LIGHT;
    }
}
