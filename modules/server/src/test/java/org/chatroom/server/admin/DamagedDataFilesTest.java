package org.chatroom.server.admin;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.AdminTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.LogWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Damaged bans.tsv and rooms.tsv: bad records are skipped and named, the daemon starts, nothing is lost. */
@Timeout(60)
class DamagedDataFilesTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();
    private LogWatcher log;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(fx.data());
        log = LogWatcher.install();
    }

    @AfterEach
    void tearDown() throws Exception {
        log.close();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private List<Path> files(String glob) throws Exception {
        try (Stream<Path> all = Files.list(fx.data())) {
            return all.filter(p -> fx.data().getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                    .toList();
        }
    }

    @Test
    void badBanLinesAreSkippedNamedAndKeptAsideAndTheDaemonStarts() throws Exception {
        long later = System.currentTimeMillis() + 3_600_000;
        byte[] original = bytes("# Chatroom bans\n",
                "troll!*@*\t0\t1764590000000\tadmin:op\tflooding\n",
                "caf", new byte[] {(byte) 0xe9}, "!*@*\t0\t1764590000000\tadmin:op\tlatin-1 bytes\n",
                "cut!*@*\t" + later + "\t17\n",
                "mallory!*@*\t0\t1764590000000\tadmin:op\timpersonation\n");
        Path bans = fx.data().resolve("bans.tsv");
        Files.write(bans, original);
        Files.writeString(fx.data().resolve("bans.tsv1234567.tmp"), "half a save");

        fx.start();

        assertThat(log.events()).anySatisfy(e -> assertThat(e).contains(bans + ":3: skipped: not UTF-8 text"))
                .anySatisfy(e -> assertThat(e).contains(bans + ":4: skipped: a ban has 5 tab-separated fields")
                        .contains("this line 3 (cut short?)"))
                .anySatisfy(e -> assertThat(e).contains(bans + ": 2 damaged line(s) skipped; the file as it was is kept in"));
        List<Path> aside = files("bans.tsv.bad-*");
        assertThat(aside).hasSize(1);
        assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(original);
        assertThat(files("*.tmp")).as("leftover of an interrupted save").isEmpty();

        try (AdminTestClient a = fx.admin()) {
            assertThat(a.call("bans").body()).hasSize(2).noneMatch(l -> l.contains("1970"))
                    .anyMatch(l -> l.startsWith("mask=troll!*@*")).anyMatch(l -> l.startsWith("mask=mallory!*@*"));
            a.call("ban spammer 1h");
        }
        assertThat(Files.readAllBytes(aside.get(0))).as("the copy is never overwritten").isEqualTo(original);
        assertThat(Files.readString(bans)).contains("spammer!*@*").doesNotContain("cut!*@*");
    }

    @Test
    void aRoomLineCutInsideTheNameIsNamedNotSilentlyDropped() throws Exception {
        byte[] original = bytes("# Chatroom permanent rooms\n",
                "room\t#help\tnt\t\t0\n",
                "topic\t#help\t1764590000\top\tAsk here\n",
                "room\t#lobby\tnt\t\t0\n",
                "topic\t#lob",
                "");
        Path rooms = fx.data().resolve("rooms.tsv");
        Files.write(rooms, original);
        Files.writeString(fx.data().resolve("rooms.tsv987.tmp"), "room\t#lobby\t");

        fx.start(Map.of("rooms.permanent", "#help"));

        assertThat(log.events()).anySatisfy(e -> assertThat(e)
                .contains(rooms + ":5: skipped: a topic record has 5 tab-separated fields, this line 2 (cut short?)"));
        List<Path> aside = files("rooms.tsv.bad-*");
        assertThat(aside).hasSize(1);
        assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(original);
        assertThat(files("*.tmp")).isEmpty();
        try (IrcTestClient c = IrcTestClient.registered(fx.port(), "visitor")) {
            c.send("JOIN #help");
            c.awaitContains(" 332 visitor #help :Ask here");
        }
    }
}
