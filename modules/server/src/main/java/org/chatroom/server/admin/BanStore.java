package org.chatroom.server.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.chatroom.protocol.Mask;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.persist.StateFile;
import org.chatroom.server.persist.StateWriter;

/**
 * Keeps the bans in {@code <data.dir>/bans.tsv}: one ban per line, tab-separated (mask, expiry in
 * epoch milliseconds or 0, set-at, set-by, reason). Saving writes a temporary file next to it and
 * moves it over the old one atomically, on a thread of its own, so a crash leaves either the old
 * or the new list and no event loop ever waits for the disk.
 */
final class BanStore implements AutoCloseable {
    static final String FILE_NAME = "bans.tsv";
    private static final String HEADER = "# Chatroom bans, written by the daemon (edit with chat-admin.sh ban/unban)\n"
            + "# mask\texpires-at-ms (0 = never)\tset-at-ms\tset-by\treason\n";

    private final Path file;
    private final StateWriter writer;

    BanStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        this.writer = new StateWriter(file, "ban-store");
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

    /** One line as {@link #save} writes it; the message of the exception says what is wrong. */
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

    /** Saves {@code bans} in the background; the future ends when the file is in place. Saves run in call order. */
    CompletableFuture<Void> save(List<Ban> bans) {
        return writer.save(() -> {
            StringBuilder sb = new StringBuilder(HEADER);
            for (Ban b : bans) {
                sb.append(b.mask().pattern()).append('\t').append(b.expiresAtMillis()).append('\t')
                        .append(b.setAtMillis()).append('\t').append(clean(b.setBy())).append('\t')
                        .append(clean(b.reason())).append('\n');
            }
            return sb.toString();
        });
    }

    private static String clean(String s) {
        return AdminReply.oneLine(s);
    }

    /** Lets pending saves finish (briefly), then stops the writer thread. */
    @Override
    public void close() {
        writer.close();
    }
}
