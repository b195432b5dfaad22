package org.chatroom.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatStore} must do, on a real database: SQLite ({@code SqliteChatStoreTest}) and
 * PostgreSQL ({@code PostgresChatStoreTest}) run the same tests. The history half is inherited from {@link HistoryStoreContract}:
 * a store's test extends this class and gets both.
 */
public abstract class ChatStoreContract extends HistoryStoreContract {
    @Test
    void accountsAreOnePerNameWhateverTheCase() throws Exception {
        ChatStore s = store();
        assertThat(get(s.addAccount(new AccountRow("Alice[1]", "hash-1", 1000)))).isTrue();
        assertThat(get(s.addAccount(new AccountRow("ALICE{1}", "hash-2", 2000)))).as("IRC case rules").isFalse();
        assertThat(get(s.account("alice{1}"))).get().isEqualTo(new AccountRow("Alice[1]", "hash-1", 1000));
        assertThat(get(s.account("bob"))).isEmpty();
    }

    @Test
    void passwordsChangeAndAccountsGo() throws Exception {
        ChatStore s = store();
        get(s.addAccount(new AccountRow("bob", "old", 1)));
        get(s.addAccount(new AccountRow("alice", "a", 2)));
        assertThat(get(s.setPassword("BOB", "new"))).isTrue();
        assertThat(get(s.setPassword("carol", "x"))).isFalse();
        assertThat(get(s.account("bob")).orElseThrow().passwordHash()).isEqualTo("new");
        assertThat(get(s.accounts())).extracting(AccountRow::name).containsExactly("alice", "bob");
        assertThat(get(s.deleteAccount("Bob"))).isTrue();
        assertThat(get(s.deleteAccount("bob"))).isFalse();
        assertThat(get(s.accounts())).extracting(AccountRow::name).containsExactly("alice");
    }

    @Test
    void bansAreReplacedByMaskAndSurviveAReopen() throws Exception {
        ChatStore s = store();
        get(s.putBan(new BanRow("troll!*@*", "flooding", "admin", 10, 0)));
        get(s.putBan(new BanRow("*!*@192.0.2.1", "", "admin", 20, 99)));
        get(s.putBan(new BanRow("troll!*@*", "worse", "op", 30, 0)));
        get(s.deleteBan("nobody!*@*"));
        closeNow(s);
        assertThat(store().loadBans()).containsExactly(new BanRow("*!*@192.0.2.1", "", "admin", 20, 99),
                new BanRow("troll!*@*", "worse", "op", 30, 0));
    }

    @Test
    void aRoomIsReplacedWholeWithItsBansInOrder() throws Exception {
        ChatStore s = store();
        get(s.putRoom(new RoomRow("#Help", "nt", null, 0, "", "", 0,
                List.of(new RoomRow.RoomBanRow("z!*@*", "op", 5), new RoomRow.RoomBanRow("a!*@*", "op", 6)))));
        get(s.putRoom(new RoomRow("#help", "imt", "secret", 12, "Ask here", "op", 7,
                List.of(new RoomRow.RoomBanRow("b!*@*", "op", 8), new RoomRow.RoomBanRow("a!*@*", "op", 9)))));
        get(s.putRoom(new RoomRow("#lobby", "nt", null, 0, "Welcome", "server", 1, List.of())));
        assertThat(s.loadRooms()).containsExactly(
                new RoomRow("#help", "imt", "secret", 12, "Ask here", "op", 7,
                        List.of(new RoomRow.RoomBanRow("b!*@*", "op", 8), new RoomRow.RoomBanRow("a!*@*", "op", 9))),
                new RoomRow("#lobby", "nt", null, 0, "Welcome", "server", 1, List.of()));
    }

    @Test
    void aRoomKeepsItsExceptionAndInviteListsApartFromItsBans() throws Exception {
        ChatStore s = store();
        RoomRow row = new RoomRow("#help", "Cimst", null, 0, "", "", 0,
                List.of(new RoomRow.RoomBanRow("b!*@*", "op", 1)),
                List.of(new RoomRow.RoomBanRow("e2!*@*", "op", 2), new RoomRow.RoomBanRow("$a:kim", "op", 3)),
                List.of(new RoomRow.RoomBanRow("i!*@*", "op", 4)));
        get(s.putRoom(row));
        assertThat(s.loadRooms()).containsExactly(row);
    }

    @Test
    void aRoomKeepsItsOwnerAcrossAReopenUntilItIsDeleted() throws Exception {
        ChatStore s = store();
        RoomRow den = new RoomRow("#Den", "nt", null, 0, "Our den", "alice", 3,
                List.of(new RoomRow.RoomBanRow("b!*@*", "alice", 4)), List.of(), List.of(), "Alice");
        get(s.putRoom(den));
        get(s.putRoom(new RoomRow("#help", "nt", null, 0, "", "", 0, List.of())));
        closeNow(s);
        ChatStore reopened = store();
        assertThat(reopened.loadRooms()).first().isEqualTo(den);
        get(reopened.deleteRoom("#DEN")); // case-insensitive, its ban list goes with it
        get(reopened.deleteRoom("#nowhere"));
        get(reopened.putRoom(new RoomRow("#den", "t", null, 0, "", "", 0, List.of())));
        assertThat(reopened.loadRooms()).containsExactly(new RoomRow("#den", "t", null, 0, "", "", 0, List.of()),
                new RoomRow("#help", "nt", null, 0, "", "", 0, List.of()));
    }

    @Test
    void aBadWriteInABatchFailsAloneAndTheRestCommits() throws Exception {
        ChatStore s = store();
        List<CompletableFuture<Void>> good = new ArrayList<>();
        CompletableFuture<Void> bad = null;
        for (int i = 0; i < 300; i++) { // queued back to back: the writer takes them in few batches
            assertThat(s.appendHistory(new HistoryRow(i == 150 ? null : "id" + i, "#batch", 1000 + i, "PRIVMSG",
                    "a!a@h", null, null, "#batch :" + i))).isTrue();
            if (i % 50 == 0) {
                good.add(s.putBan(new BanRow("b" + i + "!*@*", "r", "op", i, 0)));
            }
            if (i == 200) {
                bad = s.putBan(new BanRow("bad!*@*", null, "op", i, 0)); // reason is NOT NULL
            }
        }
        get(s.markRead("x", "#flush", 1)); // queued after every row: done once they are committed
        CompletableFuture<Void> failed = bad;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(failed))
                .hasCauseInstanceOf(StoreException.class);
        for (CompletableFuture<Void> f : good) {
            get(f);
        }
        assertThat(s.loadBans()).hasSize(6).noneMatch(b -> b.mask().equals("bad!*@*"));
        assertThat(get(s.historyStats("#batch")).rows()).as("all but the row with no msgid").isEqualTo(299);
    }

    @Test
    void writesQueuedAtCloseAreCommitted() throws Exception {
        ChatStore s = store();
        for (int i = 0; i < 2000; i++) {
            s.putBan(new BanRow("n" + i + "!*@*", "", "t", i, 0)); // not waited for
        }
        closeNow(s);
        assertThat(store().loadBans()).hasSize(2000);
    }

    @Test
    void aFullWriterQueueFailsWritesAtOnceInsteadOfBlocking() throws Exception {
        ChatStore s = reopen(16);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            writes.add(s.putBan(new BanRow("n" + i + "!*@*", "", "t", i, 0)));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).handle((v, e) -> null).get(30, TimeUnit.SECONDS);
        assertThat(writes).anyMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(writes.get(0)).isCompleted().isNotCompletedExceptionally();
        long stored = writes.stream().filter(f -> !f.isCompletedExceptionally()).count();
        assertThat(s.loadBans()).hasSize((int) stored);
        // and the store still writes once the queue has room again
        get(s.putBan(new BanRow("later!*@*", "", "t", 1, 0)));
    }
}
