package org.chatroom.admin;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Finds the daemon's admin socket the way the daemon does: {@code --socket} if given, else
 * {@code admin.socket} from the daemon's configuration file (default {@code run/chat-admin.sock}),
 * resolved against the install folder. The install folder is {@code --home}, else the parent of
 * the {@code conf/} folder holding the file, else the current folder.
 */
final class SocketLocator {
    static final String DEFAULT_SOCKET = "run/chat-admin.sock";

    /** Where to connect, and whether the daemon's configuration turns the socket off. */
    record Location(Path socket, boolean disabled, String configFile) {
    }

    private SocketLocator() {
    }

    /** A bad or unreadable {@code --config} file. */
    static final class ConfigProblem extends Exception {
        private static final long serialVersionUID = 1L;

        ConfigProblem(String message) {
            super(message, null, false, false);
        }
    }

    static Location locate(String socket, String config, String home) throws ConfigProblem {
        if (socket != null) {
            return new Location(Path.of(socket).toAbsolutePath().normalize(), false, null);
        }
        Path file = config == null ? null : Path.of(config).toAbsolutePath().normalize();
        Path base;
        if (home != null) {
            base = Path.of(home).toAbsolutePath().normalize();
        } else if (file != null && file.getParent() != null && file.getParent().getFileName() != null
                && file.getParent().getFileName().toString().equals("conf") && file.getParent().getParent() != null) {
            base = file.getParent().getParent();
        } else {
            base = Path.of("").toAbsolutePath();
        }
        if (file == null) {
            Path def = base.resolve("conf/chat-server.properties");
            file = Files.isRegularFile(def) ? def : null;
        }
        Properties p = new Properties();
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new ConfigProblem(file + ": no such file (give the daemon's file with --config FILE)");
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigProblem(file + ": cannot be read: " + e.getMessage());
            }
        }
        String value = p.getProperty("admin.socket", DEFAULT_SOCKET).strip();
        if (value.isEmpty()) {
            value = DEFAULT_SOCKET;
        }
        boolean disabled = p.getProperty("admin.enabled", "true").strip().matches("(?i)false|no|off");
        return new Location(base.resolve(value).toAbsolutePath().normalize(), disabled,
                file == null ? null : file.toString());
    }
}
