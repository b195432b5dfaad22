package org.chatroom.server.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the daemon keeps across restarts: accounts, server bans, permanent rooms (history rows
 * come next). SQLite implements it today; a PostgreSQL implementation must pass the same
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

    /** Replaces everything kept about {@code room.name()} (modes, topic, its ban list). */
    CompletableFuture<Void> putRoom(RoomRow room);

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

    /** Writes what is queued, then releases the database. */
    @Override
    void close();
}
