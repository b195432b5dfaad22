package org.chatroom.server.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.Durations;
import org.chatroom.protocol.NameRules;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.store.HistoryStats;

/**
 * {@code history stats [ROOM]} and {@code history purge ROOM [before TIME]}: what is kept, and
 * deleting a room's lines (all, or those older than TIME: an instant, a date, or an age such as 7d).
 * Runs on the admin connection's thread and waits for the store there, never on a loop.
 */
final class HistoryCommands {
    private static final Logger LOG = LogManager.getLogger();
    static final String USAGE = "history stats [ROOM] | history purge ROOM [before TIME|DATE|AGE]";

    private HistoryCommands() {
    }

    static AdminReply run(AdminEnv env, AdminRequest r, String who) throws AdminException {
        List<String> a = r.args();
        switch (a.get(0)) {
            case "stats" -> {
                if (a.size() > 2) {
                    throw new AdminException(AdminReply.TOO_MANY, "too many arguments: usage: " + USAGE);
                }
                String key = a.size() == 2 ? roomKey(a.get(1)) : null;
                HistoryStats s = wait(env.context().store().historyStats(key));
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("target", a.size() == 2 ? a.get(1) : "*");
                f.put("lines", s.rows());
                f.put("targets", s.targets());
                f.put("oldest", s.rows() == 0 ? "-" : Instant.ofEpochMilli(s.oldestMillis()).toString());
                f.put("newest", s.rows() == 0 ? "-" : Instant.ofEpochMilli(s.newestMillis()).toString());
                f.put("stored_since_start", env.context().stats().historyStoredTotal());
                f.put("dropped_since_start", env.context().stats().historyDroppedTotal());
                return AdminReply.record(f);
            }
            case "purge" -> {
                if (a.size() != 2 && a.size() != 4 || a.size() == 4 && !a.get(2).equals("before")) {
                    throw new AdminException(AdminReply.BAD_VALUE, "usage: " + USAGE);
                }
                String key = roomKey(a.get(1));
                long before = a.size() == 4 ? time(a.get(3)) : Long.MAX_VALUE;
                long n = wait(env.context().store().purgeHistory(key, before));
                LOG.info("admin ({}): purged {} history line(s) of {}{}", who, n, a.get(1),
                        a.size() == 4 ? " before " + Instant.ofEpochMilli(before) : "");
                return AdminReply.text(List.of(n + " line(s) of " + a.get(1) + " deleted"));
            }
            default -> throw new AdminException(AdminReply.BAD_VALUE, "no history command '" + a.get(0) + "': " + USAGE);
        }
    }

    private static String roomKey(String room) throws AdminException {
        if (!NameRules.isRoomName(room)) {
            throw new AdminException(AdminReply.BAD_VALUE, "'" + room + "' is not a room name (#name)");
        }
        return ChatRegistry.MAPPING.fold(room);
    }

    /** 2026-01-31T12:00:00Z, 2026-01-31 (its start, UTC) or an age: 7d = older than seven days. */
    static long time(String text) throws AdminException {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            // not an instant
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // not a date
        }
        try {
            return System.currentTimeMillis() - Durations.parse(text).toMillis();
        } catch (IllegalArgumentException e) {
            throw new AdminException(AdminReply.BAD_VALUE, "'" + text + "' is not a time: give 2026-01-31T12:00:00Z,"
                    + " 2026-01-31 or an age such as 7d or 12h");
        }
    }

    private static <T> T wait(CompletableFuture<T> f) throws AdminException {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AdminException(AdminReply.CANT, "the database refused: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new AdminException(AdminReply.CANT, "the database did not answer within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException(AdminReply.CANT, "interrupted");
        }
    }
}
