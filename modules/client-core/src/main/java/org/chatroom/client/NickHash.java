package org.chatroom.client;

import java.util.Locale;

/**
 * A hash of a nick that is the same in every run, on every machine and in every client, ignoring case:
 * clients use it to give each nick the same colour everywhere (each maps the index to its own palette).
 */
public final class NickHash {
    private NickHash() {
    }

    /** FNV-1a over the lower-cased nick, then a finalizer so that short, similar nicks spread out. */
    public static int of(String nick) {
        int h = 0x811c9dc5;
        for (char c : nick.toLowerCase(Locale.ROOT).toCharArray()) {
            h ^= c;
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /**
     * An index in {@code 0..size-1} for {@code nick}.
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public static int index(String nick, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("palette size " + size + " is not positive");
        }
        return Math.floorMod(of(nick), size);
    }
}
