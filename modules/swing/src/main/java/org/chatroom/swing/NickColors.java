package org.chatroom.swing;

import java.util.Locale;

/** Gives each nick the same palette slot every time and in every run (the view maps slots to colours). */
final class NickColors {
    static final int SLOTS = 12;

    private NickColors() {
    }

    /** A slot in {@code 0..SLOTS-1} from a hash of the nick, ignoring case. */
    static int slotOf(String nick) {
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
        return Math.floorMod(h, SLOTS);
    }
}
