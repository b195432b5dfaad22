package org.chatroom.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The files of before the database (bans.tsv, rooms.tsv) are imported once, then kept aside renamed. */
@Timeout(60)
class TsvImportTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket().with(Map.of("rooms.permanent", "#help"));

    @Test
    void bansAndRoomsAreImportedOnceAndTheFilesKeptAside() throws Exception {
        Files.createDirectories(fx.data());
        String bans = "# Chatroom bans\nmallory!*@*\t0\t1764590000000\tadmin:op\timpersonation\n";
        String rooms = "room\t#help\tmnt\t\t0\ntopic\t#help\t1764590000\top\tAsk here\nban\t#help\tspam!*@*\top\t1764590001\n";
        Files.writeString(fx.data().resolve("bans.tsv"), bans);
        Files.writeString(fx.data().resolve("rooms.tsv"), rooms);

        fx.start();

        assertThat(fx.data().resolve("bans.tsv")).doesNotExist();
        assertThat(fx.data().resolve("rooms.tsv")).doesNotExist();
        assertThat(Files.readString(fx.data().resolve("bans.tsv.imported"))).isEqualTo(bans);
        assertThat(Files.readString(fx.data().resolve("rooms.tsv.imported"))).isEqualTo(rooms);
        fx.start(); // a restart: the state comes from the database alone
        assertImported();

        // an old file put back later is imported again, without clobbering the first copy
        Files.writeString(fx.data().resolve("bans.tsv"), "troll!*@*\t0\t1764590000000\tadmin:op\tflood\n");
        fx.start();
        assertThat(fx.data().resolve("bans.tsv.imported-2")).exists();
        assertThat(Files.readString(fx.data().resolve("bans.tsv.imported"))).isEqualTo(bans);
        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("bans").body()).hasSize(2);
        }
    }

    private void assertImported() throws Exception {
        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("bans").body()).singleElement().asString().startsWith("mask=mallory!*@* ");
        }
        try (IrcTestClient c = fx.user("visitor")) {
            c.send("JOIN #help");
            c.awaitContains(" 332 visitor #help :Ask here");
            c.send("MODE #help");
            c.awaitContains(" 324 visitor #help :+mnt");
            c.send("MODE #help b");
            c.awaitLine(l -> l.contains(" 367 visitor #help spam!*@* op "));
        }
    }
}
