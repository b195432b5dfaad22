package org.chatroom.server.persist;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.Mask;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.BanEntry;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.RoomModes;
import org.chatroom.server.state.RoomRegistry;
import org.chatroom.server.state.Topic;

/**
 * Reads the old {@code <data.dir>/rooms.tsv} (before the database) once, to import it: tab-separated
 * records, one per line: {@code room NAME FLAGS KEY LIMIT}, {@code topic NAME SET-AT SET-BY TEXT},
 * {@code ban NAME MASK SET-BY SET-AT}, and {@code except} (+e) and {@code invex} (+I) records laid out
 * as {@code ban}. A damaged line is skipped with a WARN and the file kept aside ({@link StateFile}).
 */
final class RoomsTsv {
    private static final Logger LOG = LogManager.getLogger();
    static final String FILE_NAME = "rooms.tsv";

    private final Path file;

    RoomsTsv(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /**
     * Applies saved state to the permanent rooms already configured in {@code rooms}; rooms that are
     * no longer permanent are skipped. A damaged line is skipped with a WARN and the file kept aside
     * ({@link StateFile}). Returns the number of records applied.
     */
    int load(RoomRegistry rooms) throws IOException {
        int[] applied = {0};
        StateFile.read(file, line -> {
            if (apply(line.text(), rooms)) {
                applied[0]++;
            } else {
                LOG.info("{}:{}: skipped: {} is not a permanent room any more", file, line.number(),
                        line.text().split("\t", 3)[1]);
            }
        });
        return applied[0];
    }

    /** Applies one record; false if its room is not a configured one. Throws if the line is damaged. */
    private static boolean apply(String line, RoomRegistry rooms) {
        String[] f = line.split("\t", -1);
        if (!java.util.Set.of("room", "topic", "ban", "except", "invex").contains(f[0])) {
            throw new IllegalArgumentException("unknown record '" + f[0] + "' (room, topic, ban, except or invex)");
        }
        if (f.length != 5) {
            throw new IllegalArgumentException("a " + f[0] + " record has 5 tab-separated fields, this line "
                    + f.length + " (cut short?)");
        }
        Room room = rooms.get(f[1]);
        if (room == null || !room.configured()) {
            return false;
        }
        switch (f[0]) {
            case "room" -> room.modes(parseModes(f[2], f[3], number(f[4], "limit")));
            case "topic" -> room.topic(new Topic(f[4], f[3], number(f[2], "set-at")));
            case "except" -> room.banExceptions().add(new BanEntry(mask(f[2]), f[3], number(f[4], "set-at")));
            case "invex" -> room.inviteExceptions().add(new BanEntry(mask(f[2]), f[3], number(f[4], "set-at")));
            default -> room.addBan(new BanEntry(mask(f[2]), f[3], number(f[4], "set-at")));
        }
        return true;
    }

    private static long number(String text, String field) {
        try {
            long v = Long.parseLong(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(field + " '" + text + "' is not a number");
    }

    static Mask mask(String text) {
        try {
            return Mask.of(text, ChatRegistry.MAPPING);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a mask");
        }
    }

    static RoomModes parseModes(String flags, String key, long limit) {
        if (!flags.matches("[Cimnst]*") || limit > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("modes '" + flags + "' limit " + limit
                    + " are not room modes (letters C, i, m, n, s, t and a limit)");
        }
        return new RoomModes(flags.indexOf('i') >= 0, flags.indexOf('m') >= 0, flags.indexOf('n') >= 0,
                flags.indexOf('t') >= 0, flags.indexOf('s') >= 0, key.isEmpty() ? null : key, (int) limit,
                flags.indexOf('C') >= 0);
    }
}
