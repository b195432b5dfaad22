package org.chatroom.server.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.chatroom.protocol.CaseMapping;
import org.chatroom.server.store.AccountRow;
import org.chatroom.server.store.BanRow;
import org.chatroom.server.store.ChatStore;
import org.chatroom.server.store.HistoryRef;
import org.chatroom.server.store.HistoryRow;
import org.chatroom.server.store.HistoryStats;
import org.chatroom.server.store.HistoryTarget;
import org.chatroom.server.store.PrivateParties;
import org.chatroom.server.store.RoomRow;
import org.chatroom.server.store.StoreException;

/**
 * {@link ChatStore} in SQL that SQLite and PostgreSQL both take: writes through {@link StoreWriter},
 * reads through {@link StoreReaders}. Lists are sorted here, not by ORDER BY on text, so that the
 * order never depends on a server database's collation.
 */
public final class JdbcChatStore implements ChatStore {
    // The registry's case rules (RFC 1459), so "[x]" and "{x}" are one account as they are one nick.
    private static final CaseMapping FOLD = CaseMapping.RFC1459;

    private static final Comparator<AccountRow> BY_ACCOUNT = Comparator.comparing(a -> FOLD.fold(a.name()));
    private static final Comparator<RoomRow> BY_ROOM = Comparator.comparing(r -> FOLD.fold(r.name()));
    private static final Comparator<BanRow> BY_BAN = Comparator.comparingLong(BanRow::setAtMillis)
            .thenComparing(BanRow::mask);

    private final StoreWriter writer;
    private final StoreReaders readers;
    private final Runnable release;
    private final SqlErrors errors;
    private final JdbcHistory history;

    /**
     * The store owns the writer and the readers from here: {@link #close} stops the writer, then the
     * readers, then runs {@code release}, which closes the connections they borrowed from.
     */
    public JdbcChatStore(StoreWriter writer, StoreReaders readers, Runnable release, SqlErrors errors) {
        this.writer = writer;
        this.readers = readers;
        this.release = release;
        this.errors = errors;
        this.history = new JdbcHistory(writer, readers);
    }

    @Override
    public List<BanRow> loadBans() {
        return join(readers.submit(c -> {
            List<BanRow> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT mask, reason, set_by, set_at, expires_at FROM server_ban");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new BanRow(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5)));
                }
            }
            out.sort(BY_BAN);
            return out;
        }));
    }

    @Override
    public CompletableFuture<Void> putBan(BanRow b) {
        return writer.submit(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO server_ban (mask, reason, set_by, set_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (mask) DO UPDATE SET reason = excluded.reason,"
                    + " set_by = excluded.set_by, set_at = excluded.set_at, expires_at = excluded.expires_at")) {
                p.setString(1, b.mask());
                p.setString(2, b.reason());
                p.setString(3, b.setBy());
                p.setLong(4, b.setAtMillis());
                p.setLong(5, b.expiresAtMillis());
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> deleteBan(String mask) {
        return writer.submit(c -> {
            update(c, "DELETE FROM server_ban WHERE mask = ?", mask);
            return null;
        });
    }

    @Override
    public List<RoomRow> loadRooms() {
        return join(readers.submit(c -> {
            List<RoomRow> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name_key, name, flags, room_key, user_limit, topic,"
                    + " topic_set_by, topic_set_at, owner FROM room");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new RoomRow(r.getString(2), r.getString(3), r.getString(4), r.getInt(5), r.getString(6),
                            r.getString(7), r.getLong(8), roomList(c, r.getString(1), "b"),
                            roomList(c, r.getString(1), "e"), roomList(c, r.getString(1), "I"), r.getString(9)));
                }
            }
            out.sort(BY_ROOM);
            return out;
        }));
    }

    /** One of a room's lists: {@code b} (+b), {@code e} (+e) or {@code I} (+I), in the order set. */
    private static List<RoomRow.RoomBanRow> roomList(Connection c, String roomKey, String list) throws SQLException {
        List<RoomRow.RoomBanRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT mask, set_by, set_at FROM room_ban WHERE room = ? AND list = ? ORDER BY position")) {
            p.setString(1, roomKey);
            p.setString(2, list);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new RoomRow.RoomBanRow(r.getString(1), r.getString(2), r.getLong(3)));
                }
            }
        }
        return out;
    }

    private static int addList(PreparedStatement p, String key, int position, String list,
                               List<RoomRow.RoomBanRow> entries) throws SQLException {
        for (RoomRow.RoomBanRow b : entries) {
            p.setString(1, key);
            p.setInt(2, position++);
            p.setString(3, b.mask());
            p.setString(4, b.setBy());
            p.setLong(5, b.setAtSeconds());
            p.setString(6, list);
            p.addBatch();
        }
        return position;
    }

    @Override
    public CompletableFuture<Void> putRoom(RoomRow room) {
        String key = FOLD.fold(room.name());
        return writer.submit(c -> {
            update(c, "DELETE FROM room WHERE name_key = ?", key); // its bans go with it (ON DELETE CASCADE)
            try (PreparedStatement p = c.prepareStatement("INSERT INTO room (name_key, name, flags, room_key, user_limit,"
                    + " topic, topic_set_by, topic_set_at, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, key);
                p.setString(2, room.name());
                p.setString(3, room.flags());
                p.setString(4, room.key());
                p.setInt(5, room.limit());
                p.setString(6, room.topic());
                p.setString(7, room.topicSetBy());
                p.setLong(8, room.topicSetAtSeconds());
                p.setString(9, room.owner());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO room_ban (room, position, mask, set_by, set_at, list) VALUES (?, ?, ?, ?, ?, ?)")) {
                int position = 0;
                position = addList(p, key, position, "b", room.bans());
                position = addList(p, key, position, "e", room.exceptions());
                addList(p, key, position, "I", room.invites());
                p.executeBatch();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> deleteRoom(String name) {
        return writer.submit(c -> {
            update(c, "DELETE FROM room WHERE name_key = ?", FOLD.fold(name)); // its lists go with it (ON DELETE CASCADE)
            return null;
        });
    }

    @Override
    public CompletableFuture<Optional<AccountRow>> account(String name) {
        return readers.submit(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT name, password_hash, created_at FROM account WHERE name_key = ?")) {
                p.setString(1, FOLD.fold(name));
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new AccountRow(r.getString(1), r.getString(2), r.getLong(3)))
                            : Optional.<AccountRow>empty();
                }
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> addAccount(AccountRow a) {
        return writer.submit(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO account (name_key, name, password_hash, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (name_key) DO NOTHING")) {
                p.setString(1, FOLD.fold(a.name()));
                p.setString(2, a.name());
                p.setString(3, a.passwordHash());
                p.setLong(4, a.createdAtMillis());
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> deleteAccount(String name) {
        return writer.submit(c -> update(c, "DELETE FROM account WHERE name_key = ?", FOLD.fold(name)) == 1);
    }

    @Override
    public CompletableFuture<Boolean> setPassword(String name, String passwordHash) {
        return writer.submit(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE account SET password_hash = ? WHERE name_key = ?")) {
                p.setString(1, passwordHash);
                p.setString(2, FOLD.fold(name));
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public CompletableFuture<List<AccountRow>> accounts() {
        return readers.submit(c -> {
            List<AccountRow> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT name, password_hash, created_at FROM account");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new AccountRow(r.getString(1), r.getString(2), r.getLong(3)));
                }
            }
            out.sort(BY_ACCOUNT);
            return out;
        });
    }

    @Override
    public boolean appendHistory(HistoryRow row) {
        return history.append(row);
    }

    @Override
    public boolean appendPrivate(HistoryRow row, PrivateParties parties) {
        return history.appendPrivate(row, parties);
    }

    @Override
    public long loadLatestHistoryTime() {
        return join(readers.submit(history::latestTime));
    }

    @Override
    public CompletableFuture<List<HistoryRow>> latest(String key, HistoryRef after, int limit, boolean events) {
        return history.latest(key, after, limit, events);
    }

    @Override
    public CompletableFuture<List<HistoryRow>> before(String key, HistoryRef ref, int limit, boolean events) {
        return history.before(key, ref, limit, events);
    }

    @Override
    public CompletableFuture<List<HistoryRow>> after(String key, HistoryRef ref, int limit, boolean events) {
        return history.after(key, ref, limit, events);
    }

    @Override
    public CompletableFuture<List<HistoryRow>> around(String key, HistoryRef ref, int limit, boolean events) {
        return history.around(key, ref, limit, events);
    }

    @Override
    public CompletableFuture<List<HistoryRow>> between(String key, HistoryRef from, HistoryRef to, int limit,
                                                       boolean events) {
        return history.between(key, from, to, limit, events);
    }

    @Override
    public CompletableFuture<List<HistoryTarget>> targets(String account, List<String> roomKeys, long fromMillis,
                                                          long toMillis, int limit) {
        return history.targets(account, roomKeys, fromMillis, toMillis, limit);
    }

    @Override
    public CompletableFuture<List<HistoryRow>> takePending(String account) {
        return history.takePending(account);
    }

    @Override
    public CompletableFuture<Optional<Long>> readMarker(String account, String targetKey) {
        return history.readMarker(account, targetKey);
    }

    @Override
    public CompletableFuture<Long> markRead(String account, String targetKey, long timeMillis) {
        return history.markRead(account, targetKey, timeMillis);
    }

    @Override
    public CompletableFuture<Long> purgeHistory(String targetKey, long beforeMillis) {
        return history.purge(targetKey, beforeMillis);
    }

    @Override
    public CompletableFuture<Long> trimHistory(String targetKey, int keep) {
        return history.trim(targetKey, keep);
    }

    @Override
    public CompletableFuture<HistoryStats> historyStats(String targetKey) {
        return history.stats(targetKey);
    }

    @Override
    public CompletableFuture<List<String>> historyTargets() {
        return history.targetKeys();
    }

    /** History rows accepted and then lost because their commit failed. */
    public long historyRowsLost() {
        return writer.rowsLost();
    }

    private static int update(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            return p.executeUpdate();
        }
    }

    private <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof StoreException s ? s : new StoreException(errors.describe(e), e);
        }
    }

    /** Lets the writer apply what is queued, then closes every connection (SQLite checkpoints its WAL on the last close). */
    @Override
    public void close() {
        writer.close();
        readers.close();
        release.run();
    }
}
