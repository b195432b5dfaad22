package org.chatroom.server.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads a state file under the data folder at start, so that damage costs one record and never the
 * daemon: each line is decoded and parsed on its own; a bad one (not UTF-8, cut short, a value that
 * does not parse) is skipped with a WARN naming the file, the line and what was wrong, and the file
 * as it was is copied aside (the next save rewrites it without the bad lines). Temporary files left
 * by a save that was interrupted are removed first.
 */
public final class StateFile {
    private static final Logger LOG = LogManager.getLogger();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** One record: its line number (from 1) and its text, without the line end. */
    public record Line(int number, String text) {
    }

    private StateFile() {
    }

    /**
     * Hands every record line (not blank, not a {@code #} comment) of {@code file} to {@code parser},
     * which throws {@link IllegalArgumentException} saying what is wrong with a bad one. A missing
     * file has no records. Returns the number of lines skipped.
     */
    public static int read(Path file, Consumer<Line> parser) throws IOException {
        removeLeftovers(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
        int bad = 0;
        int number = 0;
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            String problem = parseOne(bytes, start, end, number, parser);
            if (problem != null) {
                LOG.warn("{}:{}: skipped: {}", file, number, problem);
                bad++;
            }
            start = end + 1;
        }
        if (bad > 0) {
            keepAside(file, bad);
        }
        return bad;
    }

    /** Null if the line was a comment or parsed, else what was wrong with it. */
    private static String parseOne(byte[] bytes, int start, int end, int number, Consumer<Line> parser) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return "not UTF-8 text";
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isBlank() || text.startsWith("#")) {
            return null;
        }
        try {
            parser.accept(new Line(number, text));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Copies the damaged file to {@code NAME.bad-TIMESTAMP} (never over an existing file) and says so. */
    private static void keepAside(Path file, int bad) {
        String base = file.getFileName() + ".bad-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        for (int n = 0; n < 100; n++) {
            Path aside = file.resolveSibling(n == 0 ? base : base + "-" + n);
            try {
                Files.copy(file, aside, StandardCopyOption.COPY_ATTRIBUTES);
                LOG.warn("{}: {} damaged line(s) skipped; the file as it was is kept in {} (the daemon rewrites {}"
                        + " without them at the next change)", file, bad, aside, file.getFileName());
                return;
            } catch (FileAlreadyExistsException e) {
                // another copy made this second: try the next name
            } catch (IOException e) {
                LOG.warn("{}: {} damaged line(s) skipped, and no copy of the file could be kept ({})", file, bad,
                        e.toString());
                return;
            }
        }
    }

    /** Removes {@code NAME*.tmp} files that {@link StateWriter} left when a save was interrupted (kill -9, power loss). */
    private static void removeLeftovers(Path file) throws IOException {
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        String name = file.getFileName().toString();
        try (DirectoryStream<Path> tmps = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(name) && n.endsWith(".tmp") && Files.isRegularFile(p);
        })) {
            for (Path tmp : tmps) {
                Files.deleteIfExists(tmp);
                LOG.info("removed {}, left by a save that was interrupted", tmp);
            }
        }
    }
}
