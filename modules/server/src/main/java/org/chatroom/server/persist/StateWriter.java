package org.chatroom.server.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Writes one state file under the data folder: on a thread of its own (no event loop waits for the
 * disk), in call order, to a temporary file next to it that is then moved over the old one
 * atomically, so a crash leaves either the old or the new content. The temporary file is named
 * {@code NAME*.tmp}: {@link StateFile} removes such leftovers at start.
 */
public final class StateWriter implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final Path file;
    private final ExecutorService writer;

    public StateWriter(Path file, String threadName) {
        this.file = file;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public Path file() {
        return file;
    }

    /** Saves what {@code content} returns when the writer gets to it; the future ends when the file is in place. */
    public CompletableFuture<Void> save(Supplier<String> content) {
        return CompletableFuture.runAsync(() -> {
            try {
                write(content.get());
            } catch (IOException e) {
                LOG.error("cannot save {}: {}", file, e.toString());
                throw new UncheckedIOException(e);
            }
        }, writer);
    }

    private void write(String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Lets pending saves finish (briefly), then stops the writer thread. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("{} was still being saved at shutdown", file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
