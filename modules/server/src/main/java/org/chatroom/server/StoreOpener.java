package org.chatroom.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.store.ChatStore;
import org.chatroom.server.store.StoreException;
import org.chatroom.server.store.postgres.PostgresStore;
import org.chatroom.server.store.sqlite.SqliteStore;

/** Opens the store {@code store.url} names: SQLite (the default, under data.dir) or PostgreSQL. */
final class StoreOpener {
    private static final Logger LOG = LogManager.getLogger();
    private static final String POSTGRES = "jdbc:postgresql:";

    private StoreOpener() {
    }

    /** The open store; a database it cannot use is a {@link ServerStartException} with one line. */
    static ChatStore open(ServerConfig config) {
        String url = config.get(ServerConfigKeys.STORE_URL);
        int queue = config.get(ServerConfigKeys.STORE_QUEUE);
        int batch = config.get(ServerConfigKeys.STORE_BATCH);
        int readers = config.get(ServerConfigKeys.STORE_READ_THREADS);
        if (url.startsWith(POSTGRES)) {
            String password = password(config);
            try {
                return PostgresStore.open(new PostgresStore.Options(url, config.get(ServerConfigKeys.STORE_USER),
                        password, queue, batch, readers));
            } catch (StoreException e) {
                throw new ServerStartException("cannot open the database " + url + ": " + e.getMessage());
            }
        }
        if (url.isEmpty()) {
            url = "jdbc:sqlite:" + config.path(ServerConfigKeys.DATA_DIR).resolve(ChatServer.DATABASE_FILE);
        }
        try {
            return SqliteStore.open(new SqliteStore.Options(url, queue, batch, readers));
        } catch (StoreException e) {
            throw new ServerStartException("cannot open the database " + url.substring("jdbc:sqlite:".length())
                    + ": " + e.getMessage());
        }
    }

    /** The first line of store.password.file, or "" when the key is empty (no password). */
    private static String password(ServerConfig config) {
        String name = config.get(ServerConfigKeys.STORE_PASSWORD_FILE);
        if (name.isEmpty()) {
            return "";
        }
        Path file = config.home().resolve(name).toAbsolutePath().normalize();
        try {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            warnIfOthersRead(file);
            return first.strip();
        } catch (NoSuchFileException e) {
            throw new ServerStartException("store.password.file=" + file + " does not exist");
        } catch (IOException e) {
            throw new ServerStartException("store.password.file=" + file + " cannot be read: " + e.getMessage());
        }
    }

    private static void warnIfOthersRead(Path file) {
        try {
            if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("store.password.file={} is readable by every user of this machine (chmod 600 it)", file);
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // no POSIX permissions to judge by
        }
    }
}
