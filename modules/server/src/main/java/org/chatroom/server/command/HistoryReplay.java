package org.chatroom.server.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.core.Cap;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;
import org.chatroom.server.store.HistoryRef;
import org.chatroom.server.store.HistoryRow;

/**
 * What a client is played without asking: on JOIN, the last {@code history.replay.lines} lines of the
 * room for a client without {@code draft/chathistory} (one that has it asks for what it wants), each
 * with its original time, in a batch when the client has batch. The lines are those before the
 * joiner's own JOIN, so it is left out. All rooms of one JOIN are read in one wait.
 */
final class HistoryReplay {
    private static final Logger LOG = LogManager.getLogger();

    /** A room just joined and the time of the JOIN line. */
    record Joined(Room room, long joinedAtMillis) {
    }

    private HistoryReplay() {
    }

    static void afterJoin(Session s, List<Joined> joined) {
        Client c = s.client();
        if (joined.isEmpty() || !s.context().history().enabled()) {
            return;
        }
        if (c.has(Cap.READ_MARKER)) {
            markers(s, joined);
        }
        int lines = s.context().config().get(ServerConfigKeys.HISTORY_REPLAY_LINES);
        if (lines == 0 || c.has(Cap.CHATHISTORY)) {
            return;
        }
        boolean events = c.has(Cap.EVENT_PLAYBACK);
        List<CompletableFuture<List<HistoryRow>>> reads = new ArrayList<>();
        for (Joined j : joined) {
            reads.add(s.context().store().before(j.room().key(), HistoryRef.time(j.joinedAtMillis()), lines, events));
        }
        CompletableFuture<List<List<HistoryRow>>> all = CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .thenApply(v -> reads.stream().map(CompletableFuture::join).toList());
        s.await(all, (found, error) -> {
            if (error != null) {
                LOG.warn("history replay for {} failed: {}", c.nick(), error.getMessage());
                return;
            }
            for (int i = 0; i < joined.size(); i++) {
                if (!found.get(i).isEmpty()) {
                    HistoryBatch.send(s, joined.get(i).room().name(), found.get(i));
                }
            }
        });
    }

    /**
     * draft/read-marker on JOIN: the account's marker of each room ({@code *} without one or without
     * an account). It comes after the NAMES: the marker is read off the lane, and a JOIN is not held for it.
     */
    private static void markers(Session s, List<Joined> joined) {
        List<Room> rooms = joined.stream().map(Joined::room).toList();
        if (s.client().account() == null) {
            rooms.forEach(r -> ReadMarkerCommand.sendAfterJoin(s, r, java.util.Optional.empty()));
            return;
        }
        s.await(ReadMarkerCommand.markersOf(s, rooms), (found, error) -> {
            for (int i = 0; i < rooms.size(); i++) {
                ReadMarkerCommand.sendAfterJoin(s, rooms.get(i), error != null ? java.util.Optional.empty() : found.get(i));
            }
        });
    }
}
