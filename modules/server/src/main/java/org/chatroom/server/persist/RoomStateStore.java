package org.chatroom.server.persist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
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

    /** Applies saved state to the permanent rooms already configured in {@code rooms}; unknown rooms are skipped. */
    public int load(RoomRegistry rooms) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(writer.file(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return 0;
        }
        int applied = 0;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Room room = f.length > 1 ? rooms.get(f[1]) : null;
            if (room == null || !room.configured()) {
                continue;
            }
            try {
                switch (f[0]) {
                    case "room" -> room.modes(parseModes(f[2], f[3], Integer.parseInt(f[4])));
                    case "topic" -> room.topic(new Topic(f[4], f[3], Long.parseLong(f[2])));
                    case "ban" -> room.addBan(new BanEntry(Mask.of(f[2], ChatRegistry.MAPPING), f[3],
                            Long.parseLong(f[4])));
                    default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
                }
                applied++;
            } catch (RuntimeException e) {
                LOG.warn("{}:{}: skipping an unreadable line ({})", writer.file(), lineNo, e.toString());
            }
        }
        return applied;
    }

    private static RoomModes parseModes(String flags, String key, int limit) {
        return new RoomModes(flags.indexOf('i') >= 0, flags.indexOf('m') >= 0, flags.indexOf('n') >= 0,
                flags.indexOf('t') >= 0, key.isEmpty() ? null : key, limit);
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
                String flags = (m.inviteOnly() ? "i" : "") + (m.moderated() ? "m" : "") + (m.noExternal() ? "n" : "")
                        + (m.topicOps() ? "t" : "");
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
