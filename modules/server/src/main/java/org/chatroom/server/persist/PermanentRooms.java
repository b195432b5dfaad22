package org.chatroom.server.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.state.BanEntry;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.RoomModes;
import org.chatroom.server.state.RoomRegistry;
import org.chatroom.server.state.Topic;
import org.chatroom.server.store.ChatStore;
import org.chatroom.server.store.RoomRow;

/**
 * Permanent rooms' topic, modes, +b/+e/+I lists and owner in the store, so an operator's +t or topic, and
 * the owner's op, survive a restart. At start the saved rows are applied to the configured rooms and
 * the registered (+r) rooms are made again; an old {@code rooms.tsv} is then imported once over them
 * and renamed {@code rooms.tsv.imported}.
 */
public final class PermanentRooms {
    private static final Logger LOG = LogManager.getLogger();

    private final ChatStore store;

    public PermanentRooms(ChatStore store) {
        this.store = store;
    }

    /** Restores the configured and the registered rooms of {@code rooms} (start-up: blocks). Throws IOException if rooms.tsv cannot be read or moved. */
    public void restore(RoomRegistry rooms, Path dataDir) throws IOException {
        int applied = 0;
        for (RoomRow row : store.loadRooms()) {
            Room room = rooms.get(row.name());
            if (room == null && row.owner() != null) { // registered (+r): permanent whatever the configuration says
                room = rooms.restoreRegistered(row.name());
            }
            if (room == null || !room.configured() && row.owner() == null) {
                LOG.info("kept in the database but not restored: {} is not a permanent room any more", row.name());
                continue;
            }
            apply(row, room);
            applied++;
        }
        if (applied > 0) {
            LOG.info("restored {} permanent rooms' topics, modes and owners from the database", applied);
        }
        RoomsTsv tsv = new RoomsTsv(dataDir);
        if (Files.exists(tsv.file())) {
            tsv.load(rooms);
            List<CompletableFuture<Void>> saves = new ArrayList<>();
            for (Room r : rooms.all()) {
                if (r.configured()) {
                    saves.add(save(r));
                }
            }
            CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new)).join();
            LOG.info("imported {} into the database; the file is kept as {}", tsv.file(), Imported.keepAside(tsv.file()));
        }
    }

    /**
     * Saves {@code room}'s state as it is now, or forgets it if it is no longer permanent (unregistered);
     * the snapshot is taken here, the write is the writer's (in call order).
     */
    public CompletableFuture<Void> save(Room room) {
        return room.permanent() ? store.putRoom(row(room)) : store.deleteRoom(room.name());
    }

    static RoomRow row(Room r) {
        RoomModes m = r.modes();
        Topic t = r.topic();
        return new RoomRow(r.name(), m.flagLetters(), m.key(), m.limit(), t.text(), t.setBy(), t.setAtSeconds(),
                rows(r.bans()), rows(r.banExceptions().entries()), rows(r.inviteExceptions().entries()), r.owner());
    }

    private static List<RoomRow.RoomBanRow> rows(List<BanEntry> entries) {
        List<RoomRow.RoomBanRow> out = new ArrayList<>();
        for (BanEntry b : entries) {
            out.add(new RoomRow.RoomBanRow(b.mask().pattern(), b.setBy(), b.setAtSeconds()));
        }
        return out;
    }

    private static void apply(RoomRow row, Room room) {
        room.modes(RoomsTsv.parseModes(row.flags(), row.key() == null ? "" : row.key(), row.limit()));
        room.topic(new Topic(row.topic(), row.topicSetBy(), row.topicSetAtSeconds()));
        room.owner(row.owner());
        for (RoomRow.RoomBanRow b : row.bans()) {
            room.addBan(new BanEntry(RoomsTsv.mask(b.mask()), b.setBy(), b.setAtSeconds()));
        }
        for (RoomRow.RoomBanRow b : row.exceptions()) {
            room.banExceptions().add(new BanEntry(RoomsTsv.mask(b.mask()), b.setBy(), b.setAtSeconds()));
        }
        for (RoomRow.RoomBanRow b : row.invites()) {
            room.inviteExceptions().add(new BanEntry(RoomsTsv.mask(b.mask()), b.setBy(), b.setAtSeconds()));
        }
    }
}
