package org.chatroom.server.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.chatroom.protocol.CaseMapping;
import org.chatroom.server.store.HistoryRef;
import org.chatroom.server.store.HistoryRow;
import org.chatroom.server.store.HistoryStats;
import org.chatroom.server.store.HistoryTarget;
import org.chatroom.server.store.PrivateParties;

/**
 * The history half of {@link JdbcChatStore}: rows appended through the writer's batches, pages
 * read by time on the {@code (target_key, time_ms)} index (time is strictly increasing per target,
 * so a time is a position), markers and purges. The SQL is the same for SQLite and PostgreSQL.
 */
final class JdbcHistory {
    private static final CaseMapping FOLD = CaseMapping.RFC1459;
    private static final String COLUMNS = "msgid, target_key, time_ms, command, sender, account, tags, args";
    private static final String INSERT = "INSERT INTO history (" + COLUMNS + ", kind)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String PEER = "INSERT INTO private_peer (account_key, peer_key, peer, target_key, last_ms)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_key, peer_key) DO UPDATE SET peer = excluded.peer,"
            + " last_ms = excluded.last_ms";
    private static final String PENDING = "INSERT INTO pending_private (account_key, target_key, msgid)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String MESSAGES_ONLY = " AND kind = 0"; // the (target_key, kind, time_ms) index

    private final StoreWriter writer;
    private final StoreReaders readers;

    JdbcHistory(StoreWriter writer, StoreReaders readers) {
        this.writer = writer;
        this.readers = readers;
    }

    boolean append(HistoryRow row) {
        return writer.offer(b -> bindRow(b, row));
    }

    boolean appendPrivate(HistoryRow row, PrivateParties p) {
        return writer.offer(b -> {
            bindRow(b, row);
            bindPeer(b, p.from(), p.to(), row);
            bindPeer(b, p.to(), p.from(), row);
            if (p.pending()) {
                PreparedStatement s = b.statement(PENDING);
                s.setString(1, FOLD.fold(p.to()));
                s.setString(2, row.targetKey());
                s.setString(3, row.msgid());
                s.addBatch();
            }
        });
    }

    private static void bindRow(RowBatch b, HistoryRow r) throws SQLException {
        PreparedStatement p = b.statement(INSERT);
        p.setString(1, r.msgid());
        p.setString(2, r.targetKey());
        p.setLong(3, r.timeMillis());
        p.setString(4, r.command());
        p.setString(5, r.sender());
        p.setString(6, r.account());
        p.setString(7, r.tags());
        p.setString(8, r.args());
        p.setInt(9, r.isMessage() ? 0 : 1);
        p.addBatch();
    }

    private static void bindPeer(RowBatch b, String account, String peer, HistoryRow r) throws SQLException {
        PreparedStatement p = b.statement(PEER);
        p.setString(1, FOLD.fold(account));
        p.setString(2, FOLD.fold(peer));
        p.setString(3, peer);
        p.setString(4, r.targetKey());
        p.setLong(5, r.timeMillis());
        p.addBatch();
    }

    long latestTime(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT max(time_ms) FROM history");
             ResultSet r = p.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    CompletableFuture<List<HistoryRow>> latest(String key, HistoryRef after, int limit, boolean events) {
        return readers.submit(c -> {
            Long from = after == null ? Long.valueOf(Long.MIN_VALUE) : resolve(c, key, after);
            return from == null ? List.of() : page(c, key, "time_ms > ?", from, null, false, limit, events);
        });
    }

    CompletableFuture<List<HistoryRow>> before(String key, HistoryRef ref, int limit, boolean events) {
        return readers.submit(c -> {
            Long at = resolve(c, key, ref);
            return at == null ? List.of() : page(c, key, "time_ms < ?", at, null, false, limit, events);
        });
    }

    CompletableFuture<List<HistoryRow>> after(String key, HistoryRef ref, int limit, boolean events) {
        return readers.submit(c -> {
            Long at = resolve(c, key, ref);
            return at == null ? List.of() : page(c, key, "time_ms > ?", at, null, true, limit, events);
        });
    }

    CompletableFuture<List<HistoryRow>> around(String key, HistoryRef ref, int limit, boolean events) {
        return readers.submit(c -> {
            Long at = resolve(c, key, ref);
            if (at == null) {
                return List.<HistoryRow>of();
            }
            List<HistoryRow> out = new ArrayList<>(page(c, key, "time_ms < ?", at, null, false, limit / 2, events));
            out.addAll(page(c, key, "time_ms >= ?", at, null, true, limit - out.size(), events));
            return out;
        });
    }

    CompletableFuture<List<HistoryRow>> between(String key, HistoryRef from, HistoryRef to, int limit,
                                                boolean events) {
        return readers.submit(c -> {
            Long a = resolve(c, key, from);
            Long b = resolve(c, key, to);
            if (a == null || b == null) {
                return List.<HistoryRow>of();
            }
            return a <= b ? page(c, key, "time_ms > ? AND time_ms < ?", a, b, true, limit, events)
                    : page(c, key, "time_ms < ? AND time_ms > ?", a, b, false, limit, events);
        });
    }

    /** The time of {@code ref} in {@code key}: a timestamp as is, a msgid looked up (null when not in this target). */
    private static Long resolve(Connection c, String key, HistoryRef ref) throws SQLException {
        if (!ref.isMsgid()) {
            return ref.timeMillis();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT time_ms FROM history WHERE msgid = ? AND target_key = ?")) {
            p.setString(1, ref.msgid());
            p.setString(2, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    /** Rows of {@code key} matching {@code where}, the {@code limit} nearest the bound; oldest first either way. */
    private static List<HistoryRow> page(Connection c, String key, String where, long a, Long b, boolean ascending,
                                         int limit, boolean events) throws SQLException {
        if (limit <= 0) {
            return List.of();
        }
        String sql = "SELECT " + COLUMNS + " FROM history WHERE target_key = ? AND " + where
                + (events ? "" : MESSAGES_ONLY) + " ORDER BY time_ms " + (ascending ? "ASC" : "DESC") + " LIMIT ?";
        List<HistoryRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            p.setString(i++, key);
            p.setLong(i++, a);
            if (b != null) {
                p.setLong(i++, b);
            }
            p.setInt(i, limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(row(r));
                }
            }
        }
        if (!ascending) {
            Collections.reverse(out);
        }
        return out;
    }

    private static HistoryRow row(ResultSet r) throws SQLException {
        return new HistoryRow(r.getString(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8));
    }

    CompletableFuture<List<HistoryTarget>> targets(String account, List<String> roomKeys, long from, long to,
                                                   int limit) {
        return readers.submit(c -> {
            List<HistoryTarget> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT max(time_ms) FROM history WHERE target_key = ? AND time_ms > ? AND time_ms < ?")) {
                for (String key : roomKeys) {
                    p.setString(1, key);
                    p.setLong(2, from);
                    p.setLong(3, to);
                    try (ResultSet r = p.executeQuery()) {
                        long last = r.next() ? r.getLong(1) : 0;
                        if (!r.wasNull() && last != 0) {
                            out.add(new HistoryTarget(key, key, last));
                        }
                    }
                }
            }
            if (account != null) {
                try (PreparedStatement p = c.prepareStatement("SELECT peer, target_key, last_ms FROM private_peer"
                        + " WHERE account_key = ? AND last_ms > ? AND last_ms < ?")) {
                    p.setString(1, FOLD.fold(account));
                    p.setLong(2, from);
                    p.setLong(3, to);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            out.add(new HistoryTarget(r.getString(1), r.getString(2), r.getLong(3)));
                        }
                    }
                }
            }
            out.sort(java.util.Comparator.comparingLong(HistoryTarget::lastMillis));
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        });
    }

    CompletableFuture<List<HistoryRow>> takePending(String account) {
        String key = FOLD.fold(account);
        return writer.submit(c -> {
            List<HistoryRow> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT h.msgid, h.target_key, h.time_ms, h.command,"
                    + " h.sender, h.account, h.tags, h.args FROM pending_private w JOIN history h"
                    + " ON h.target_key = w.target_key AND h.msgid = w.msgid"
                    + " WHERE w.account_key = ? ORDER BY h.time_ms")) {
                p.setString(1, key);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(row(r));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM pending_private WHERE account_key = ?")) {
                p.setString(1, key);
                p.executeUpdate();
            }
            return out;
        });
    }

    CompletableFuture<Optional<Long>> readMarker(String account, String targetKey) {
        return readers.submit(c -> marker(c, FOLD.fold(account), targetKey));
    }

    private static Optional<Long> marker(Connection c, String accountKey, String targetKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT time_ms FROM read_marker WHERE account_key = ? AND target_key = ?")) {
            p.setString(1, accountKey);
            p.setString(2, targetKey);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    CompletableFuture<Long> markRead(String account, String targetKey, long time) {
        String key = FOLD.fold(account);
        return writer.submit(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO read_marker (account_key, target_key, time_ms)"
                    + " VALUES (?, ?, ?) ON CONFLICT (account_key, target_key) DO UPDATE SET time_ms = excluded.time_ms"
                    + " WHERE excluded.time_ms > read_marker.time_ms")) {
                p.setString(1, key);
                p.setString(2, targetKey);
                p.setLong(3, time);
                p.executeUpdate();
            }
            return marker(c, key, targetKey).orElse(time);
        });
    }

    CompletableFuture<Long> purge(String targetKey, long before) {
        return writer.submit(c -> {
            String sql = "DELETE FROM history WHERE time_ms < ?" + (targetKey == null ? "" : " AND target_key = ?");
            long n;
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, before);
                if (targetKey != null) {
                    p.setString(2, targetKey);
                }
                n = p.executeUpdate();
            }
            forgetOrphans(c);
            return n;
        });
    }

    CompletableFuture<Long> trim(String targetKey, int keep) {
        return writer.submit(c -> {
            long n;
            try (PreparedStatement p = c.prepareStatement("DELETE FROM history WHERE target_key = ? AND time_ms <"
                    + " (SELECT min(time_ms) FROM (SELECT time_ms FROM history WHERE target_key = ?"
                    + " ORDER BY time_ms DESC LIMIT ?) newest)")) {
                p.setString(1, targetKey);
                p.setString(2, targetKey);
                p.setInt(3, keep);
                n = p.executeUpdate();
            }
            forgetOrphans(c);
            return n;
        });
    }

    /** Waiting messages whose row was purged wait for nothing. */
    private static void forgetOrphans(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "DELETE FROM pending_private WHERE NOT EXISTS"
                + " (SELECT 1 FROM history h WHERE h.target_key = pending_private.target_key"
                + " AND h.msgid = pending_private.msgid)")) {
            p.executeUpdate();
        }
    }

    CompletableFuture<HistoryStats> stats(String targetKey) {
        return readers.submit(c -> {
            String sql = "SELECT count(*), count(DISTINCT target_key), min(time_ms), max(time_ms) FROM history"
                    + (targetKey == null ? "" : " WHERE target_key = ?");
            try (PreparedStatement p = c.prepareStatement(sql)) {
                if (targetKey != null) {
                    p.setString(1, targetKey);
                }
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return new HistoryStats(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
                }
            }
        });
    }

    CompletableFuture<List<String>> targetKeys() {
        return readers.submit(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT target_key FROM history");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            Collections.sort(out); // here, not by the database's collation
            return out;
        });
    }
}
