package org.chatroom.server.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chatroom.protocol.Mask;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.persist.StateFile;

/**
 * Reads the old {@code <data.dir>/bans.tsv} (before the database) once, to import it: one ban per
 * line, tab-separated (mask, expiry in epoch milliseconds or 0, set-at, set-by, reason).
 */
final class BansTsv {
    static final String FILE_NAME = "bans.tsv";

    private final Path file;

    BansTsv(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /**
     * Reads the saved bans (a missing file is an empty list); expired ones are left out. A damaged
     * line is skipped with a WARN and the file kept aside ({@link StateFile}). Called at start.
     */
    List<Ban> load(long nowMillis) throws IOException {
        List<Ban> out = new ArrayList<>();
        StateFile.read(file, line -> {
            Ban b = parse(line.text());
            if (!b.expired(nowMillis)) {
                out.add(b);
            }
        });
        return out;
    }

    /** One line as the daemon wrote it; the message of the exception says what is wrong. */
    static Ban parse(String line) {
        String[] f = line.split("\t", 5);
        if (f.length != 5) {
            throw new IllegalArgumentException("a ban has 5 tab-separated fields (mask, expires-at, set-at, set-by,"
                    + " reason), this line " + f.length + " (cut short?)");
        }
        Mask mask;
        try {
            mask = Mask.of(f[0], ChatRegistry.MAPPING);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + f[0] + "' is not a mask");
        }
        return new Ban(mask, f[4], f[3], millis(f[2], "set-at"), millis(f[1], "expires-at"));
    }

    private static long millis(String text, String field) {
        try {
            long v = Long.parseLong(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(field + " '" + text + "' is not a time in epoch milliseconds");
    }
}
