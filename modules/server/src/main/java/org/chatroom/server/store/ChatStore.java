package org.chatroom.server.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the daemon keeps across restarts: accounts, server bans, permanent rooms, history
 * (with read markers and private messages waiting for an offline account). SQLite and PostgreSQL
 * implement it ({@code store.jdbc}, {@code store.sqlite}, {@code store.postgres}); both pass the same
 * {@code ChatStoreContract} tests.
 *
 * <p>Threading: the {@code load*} methods block and are for start-up only (no loop runs yet). Every
 * other method returns at once; its future completes on a store thread, never on the caller's, so a
 * caller on an event loop hands the outcome back with its lane. Writes are applied in call order.
 * A write refused because the writer is too far behind fails its future with {@link StoreException}.
 */
public interface ChatStore extends AutoCloseable {
    /** Server bans, oldest first, expired ones included (the caller decides). */
    List<BanRow> loadBans();

    /** Adds or replaces the ban on {@code ban.mask()}. */
    CompletableFuture<Void> putBan(BanRow ban);

    CompletableFuture<Void> deleteBan(String mask);

    /** The saved state of permanent rooms. */
    List<RoomRow> loadRooms();

    /** Replaces everything kept about {@code room.name()} (modes, topic, its lists, its owner). */
    CompletableFuture<Void> putRoom(RoomRow room);

    /** Forgets everything kept about the room {@code name} (case-insensitive); nothing if none is kept. */
    CompletableFuture<Void> deleteRoom(String name);

    /** The account called {@code name} (case-insensitive, IRC rules), if any. */
    CompletableFuture<Optional<AccountRow>> account(String name);

    /** Creates an account; false if the name (case-insensitive) is taken. */
    CompletableFuture<Boolean> addAccount(AccountRow account);

    /** False if there was no such account. */
    CompletableFuture<Boolean> deleteAccount(String name);

    /** False if there was no such account. */
    CompletableFuture<Boolean> setPassword(String name, String passwordHash);

    /** Every account, by name. */
    CompletableFuture<List<AccountRow>> accounts();

    // ---- history -------------------------------------------------------------------------------
    // Target keys are folded already (a room's name by the registry's case rules, or
    // HistoryRow.privateKey of two folded accounts); account names are folded by the store.
    // Every query answers oldest first; "events" false keeps PRIVMSG and NOTICE only.

    /**
     * Queues one row without ever blocking: false (nothing stored, the caller counts the drop) when
     * the writer's queue is full or the store is closing. A row whose target and msgid, or whose
     * target and time, are stored already is ignored (a msgid is unique per target: a QUIT is one
     * row in each room it was told in).
     */
    boolean appendHistory(HistoryRow row);

    /** Like {@link #appendHistory} for a private message between two accounts: also remembered for
     * CHATHISTORY TARGETS on both sides, and, if {@code parties.pending()}, for {@code to}'s next login. */
    boolean appendPrivate(HistoryRow row, PrivateParties parties);

    /** The newest time stored in any target, 0 if none. Blocks: for start-up only. */
    long loadLatestHistoryTime();

    /** The newest {@code limit} rows after {@code after} (exclusive; null = no lower bound). */
    CompletableFuture<List<HistoryRow>> latest(String targetKey, HistoryRef after, int limit, boolean events);

    /** The {@code limit} rows just before {@code ref} (exclusive). */
    CompletableFuture<List<HistoryRow>> before(String targetKey, HistoryRef ref, int limit, boolean events);

    /** The {@code limit} rows just after {@code ref} (exclusive). */
    CompletableFuture<List<HistoryRow>> after(String targetKey, HistoryRef ref, int limit, boolean events);

    /** Up to {@code limit} rows around {@code ref}: half before it, the rest from it on (a msgid's own row included). */
    CompletableFuture<List<HistoryRow>> around(String targetKey, HistoryRef ref, int limit, boolean events);

    /**
     * Up to {@code limit} rows strictly between {@code from} and {@code to}, counted from {@code from}'s
     * side: the earliest ones when {@code from} is the older end, the latest ones when it is the newer.
     */
    CompletableFuture<List<HistoryRow>> between(String targetKey, HistoryRef from, HistoryRef to, int limit,
                                                boolean events);

    /**
     * CHATHISTORY TARGETS: of {@code roomKeys} and the private talks of {@code account} (null = none),
     * those with a line strictly between the two times, by their latest line, oldest first, at most {@code limit}.
     * A room's name is its key here (the caller shows the live name).
     */
    CompletableFuture<List<HistoryTarget>> targets(String account, List<String> roomKeys, long fromMillis,
                                                   long toMillis, int limit);

    /** The private messages that waited for {@code account}'s login, oldest first; they are forgotten as waiting. */
    CompletableFuture<List<HistoryRow>> takePending(String account);

    /** The read marker of {@code account} on {@code targetKey} (epoch ms), if set. */
    CompletableFuture<Optional<Long>> readMarker(String account, String targetKey);

    /** Moves the marker forward to {@code timeMillis} (never back); completes with the marker now stored. */
    CompletableFuture<Long> markRead(String account, String targetKey, long timeMillis);

    /** Deletes the rows of {@code targetKey} (null = every target) older than {@code beforeMillis}; the count. */
    CompletableFuture<Long> purgeHistory(String targetKey, long beforeMillis);

    /** Deletes all but the newest {@code keep} rows of {@code targetKey}; the count deleted. */
    CompletableFuture<Long> trimHistory(String targetKey, int keep);

    /** How much is kept in {@code targetKey} (null = over every target). */
    CompletableFuture<HistoryStats> historyStats(String targetKey);

    /** The targets that have history (keys), for the retention job's line cap. */
    CompletableFuture<List<String>> historyTargets();

    /** Writes what is queued, then releases the database. */
    @Override
    void close();
}
