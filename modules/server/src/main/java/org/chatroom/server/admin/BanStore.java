package org.chatroom.server.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.Mask;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.persist.StateWriter;

/**
 * Keeps the bans in {@code <data.dir>/bans.tsv}: one ban per line, tab-separated (mask, expiry in
 * epoch milliseconds or 0, set-at, set-by, reason). Saving writes a temporary file next to it and
 * moves it over the old one atomically, on a thread of its own, so a crash leaves either the old
 * or the new list and no event loop ever waits for the disk.
 */
final class BanStore implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
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

    /** Reads the saved bans (a missing file is an empty list); expired ones are left out. Called at start. */
    List<Ban> load(long nowMillis) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Ban> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 5);
            try {
                Ban b = new Ban(Mask.of(f[0], ChatRegistry.MAPPING), f.length > 4 ? f[4] : "",
                        f.length > 3 ? f[3] : "", Long.parseLong(f[2]), Long.parseLong(f[1]));
                if (!b.expired(nowMillis)) {
                    out.add(b);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}:{}: skipping an unreadable ban line ({})", file, lineNo, e.toString());
            }
        }
        return out;
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
