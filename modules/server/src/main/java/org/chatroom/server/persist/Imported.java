package org.chatroom.server.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Sets an old state file aside once its records are in the database, so it is imported only once. */
public final class Imported {
    private Imported() {
    }

    /** Renames {@code file} to {@code file.imported} (or {@code .imported-N} if that is taken); returns the new path. */
    public static Path keepAside(Path file) throws IOException {
        Path target = file.resolveSibling(file.getFileName() + ".imported");
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(file.getFileName() + ".imported-" + n);
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
