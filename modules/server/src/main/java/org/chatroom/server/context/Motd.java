package org.chatroom.server.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;

/** Reads the message of the day once (at start and on reload), never on an event loop. */
public final class Motd {
    private static final Logger LOG = LogManager.getLogger();
    private static final int MAX_LINES = 100;
    private static final int MAX_LINE_CHARS = 400;

    private Motd() {
    }

    /** The MOTD lines, or null when the file is missing or unreadable (clients then get 422). */
    public static List<String> load(ServerConfig config) {
        Path file = config.path(ServerConfigKeys.MOTD_FILE);
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (lines.size() == MAX_LINES) {
                    break;
                }
                String clean = line.replaceAll("[\\p{Cntrl}&&[^\t]]", "").replace('\t', ' ');
                lines.add(clean.length() > MAX_LINE_CHARS ? clean.substring(0, MAX_LINE_CHARS) : clean);
            }
            return List.copyOf(lines);
        } catch (NoSuchFileException e) {
            LOG.info("no MOTD file at {}; clients will be told there is none", file);
        } catch (IOException e) {
            LOG.warn("cannot read the MOTD file {}: {}", file, e.toString());
        }
        return null;
    }
}
