package org.chatroom.console;

import org.chatroom.client.NickHash;
import org.jline.utils.AttributedStyle;

/** Gives each nick the same colour every time, from a palette readable on dark and light backgrounds. */
final class NickColors {
    private static final int[] PALETTE = {
        AttributedStyle.RED, AttributedStyle.GREEN, AttributedStyle.YELLOW, AttributedStyle.BLUE,
        AttributedStyle.MAGENTA, AttributedStyle.CYAN,
        AttributedStyle.BRIGHT | AttributedStyle.RED, AttributedStyle.BRIGHT | AttributedStyle.GREEN,
        AttributedStyle.BRIGHT | AttributedStyle.BLUE, AttributedStyle.BRIGHT | AttributedStyle.MAGENTA,
        AttributedStyle.BRIGHT | AttributedStyle.CYAN,
    };

    private NickColors() {
    }

    /** A palette colour from {@link NickHash}, which does not change between runs or clients. */
    static int colorOf(String nick) {
        return PALETTE[NickHash.index(nick, PALETTE.length)];
    }

    static AttributedStyle styleOf(String nick) {
        return AttributedStyle.DEFAULT.foreground(colorOf(nick));
    }
}
