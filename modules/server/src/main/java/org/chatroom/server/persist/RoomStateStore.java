package org.chatroom.server.persist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
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
 * Keeps permanent rooms' topic, modes and ban lists in {@code <data.dir>/rooms.tsv}, so an
 * operator's +t or topic survives a restart. Tab-separated records, one per line:
 * {@code room NAME FLAGS KEY LIMIT}, {@code topic NAME SET-AT SET-BY TEXT}, {@code ban NAME MASK SET-BY SET-AT}.
 */
public final class RoomStateStore implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    public static final String FILE_NAME = "rooms.tsv";
    private static final String HEADER = "# Chatroom permanent rooms, written by the daemon; edit only while it is stopped\n";

    private final StateWriter writer;

    public RoomStateStore(Path dataDir) {
        this.writer = new StateWriter(dataDir.resolve(FILE_NAME), "room-store");
    }

    public Path file() {
        return writer.file();
    }

    /**
     * Applies saved state to the permanent rooms already configured in {@code rooms}; rooms that are
     * no longer permanent are skipped. A damaged line is skipped with a WARN and the file kept aside
     * ({@link StateFile}). Returns the number of records applied.
     */
    public int load(RoomRegistry rooms) throws IOException {
        int[] applied = {0};
        StateFile.read(writer.file(), line -> {
            if (apply(line.text(), rooms)) {
                applied[0]++;
            } else {
                LOG.info("{}:{}: skipped: {} is not a permanent room any more", writer.file(), line.number(),
                        line.text().split("\t", 3)[1]);
            }
        });
        return applied[0];
    }

    /** Applies one record; false if its room is not a configured one. Throws if the line is damaged. */
    private static boolean apply(String line, RoomRegistry rooms) {
        String[] f = line.split("\t", -1);
        if (!f[0].equals("room") && !f[0].equals("topic") && !f[0].equals("ban")) {
            throw new IllegalArgumentException("unknown record '" + f[0] + "' (room, topic or ban)");
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

    private static Mask mask(String text) {
        try {
            return Mask.of(text, ChatRegistry.MAPPING);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a mask");
        }
    }

    private static RoomModes parseModes(String flags, String key, long limit) {
        if (!flags.matches("[imnst]*") || limit > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("modes '" + flags + "' limit " + limit
                    + " are not room modes (letters i, m, n, s, t and a limit)");
        }
        return new RoomModes(flags.indexOf('i') >= 0, flags.indexOf('m') >= 0, flags.indexOf('n') >= 0,
                flags.indexOf('t') >= 0, flags.indexOf('s') >= 0, key.isEmpty() ? null : key, (int) limit);
    }

    /** Saves every permanent room in the background, in call order. */
    public CompletableFuture<Void> save(Collection<Room> all) {
        return writer.save(() -> {
            StringBuilder sb = new StringBuilder(HEADER);
            for (Room r : all) {
                if (!r.configured()) {
                    continue;
                }
                RoomModes m = r.modes();
                String flags = m.flagLetters();
                sb.append("room\t").append(r.name()).append('\t').append(flags).append('\t')
                        .append(m.key() == null ? "" : m.key()).append('\t').append(m.limit()).append('\n');
                Topic t = r.topic();
                sb.append("topic\t").append(r.name()).append('\t').append(t.setAtSeconds()).append('\t')
                        .append(clean(t.setBy())).append('\t').append(clean(t.text())).append('\n');
                for (BanEntry b : r.bans()) {
                    sb.append("ban\t").append(r.name()).append('\t').append(b.mask().pattern()).append('\t')
                            .append(clean(b.setBy())).append('\t').append(b.setAtSeconds()).append('\n');
                }
            }
            return sb.toString();
        });
    }

    private static String clean(String s) {
        return s.replace('\t', ' ');
    }

    @Override
    public void close() {
        writer.close();
    }
}
