package org.chatroom.console;

import java.util.Locale;
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

    /** An index into the palette from a hash of the nick that does not change between runs. */
    static int colorOf(String nick) {
        int h = 0x811c9dc5; // FNV-1a, then a finalizer so that short nicks spread over the palette
        for (char c : nick.toLowerCase(Locale.ROOT).toCharArray()) {
            h ^= c;
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return PALETTE[Math.floorMod(h, PALETTE.length)];
    }

    static AttributedStyle styleOf(String nick) {
        return AttributedStyle.DEFAULT.foreground(colorOf(nick));
    }
}
