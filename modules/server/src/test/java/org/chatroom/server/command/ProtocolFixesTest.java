package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Smaller corrections of issue 14: USER, +k, LUSERS, NAMES of several rooms, 407, through the core. */
@Timeout(30)
class ProtocolFixesTest {
    private CoreHarness core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void userWithAnEmptyRealnameIsRefusedWith461() throws Exception {
        CoreHarness.Peer p = core.connect(0);
        p.send("NICK empty");
        p.send("USER empty 0 * :");
        p.await(l -> l.equals(":chat.localhost 461 empty USER :Not enough parameters"));
        assertThat(p.lines()).noneMatch(l -> l.contains(" 001 "));
        p.send("USER empty 0 * :Real Name");
        p.await(l -> l.contains(" 001 empty "));
    }

    @Test
    void aKeyWithASpaceOrBlankIsRefused() throws Exception {
        CoreHarness.Peer op = core.register("op", 0);
        op.send("JOIN #r");
        op.send("MODE #r +k :key with spaces");
        op.send("MODE #r +k : ");
        op.send("MODE #r");
        op.await(l -> l.contains(" 324 op #r "));
        assertThat(op.lines().stream().filter(l -> l.contains(" 525 op #r :Key must be"))).hasSize(2);
        assertThat(op.lines()).contains(":chat.localhost 324 op #r :+nt").noneMatch(l -> l.contains("MODE #r +k"));
        op.send("MODE #r +k s3cret");
        op.await(l -> l.equals(":op!~op@127.0.0.1 MODE #r +k :s3cret"));
    }

    @Test
    void lusersCountsConnectionsStillRegisteringOnlyAsUnknown() throws Exception {
        CoreHarness.Peer alice = core.register("alice", 0);
        CoreHarness.Peer pending = core.connect(1);
        pending.send("NICK pending"); // holds a nick, but is no user yet
        pending.sync();
        alice.lines().clear();
        alice.send("LUSERS");
        alice.await(l -> l.contains(" 266 alice "));
        assertThat(alice.lines()).contains(":chat.localhost 251 alice :There are 1 users and 0 invisible on 1 servers",
                ":chat.localhost 253 alice 1 :unknown connection(s)",
                ":chat.localhost 255 alice :I have 1 clients and 0 servers");
    }

    @Test
    void namesTakesSeveralRooms() throws Exception {
        CoreHarness.Peer alice = core.register("alice", 0);
        alice.send("JOIN #a,#b");
        alice.send("NAMES #a,#b,#missing");
        alice.await(l -> l.contains(" 366 alice #missing "));
        assertThat(alice.lines()).contains(":chat.localhost 353 alice = #a :@alice", ":chat.localhost 353 alice = #b :@alice")
                .anyMatch(l -> l.contains(" 366 alice #b "));
    }

    @Test
    void privmsgPastTargmaxAnswers407ForEachExtraAndNoticeStaysSilent() throws Exception {
        CoreHarness.Peer alice = core.register("alice", 0);
        CoreHarness.Peer fifth = core.register("fifth", 1);
        CoreHarness.Peer sixth = core.register("sixth", 1);
        alice.send("PRIVMSG n1,n2,n3,n4,fifth,sixth :hi");
        alice.await(l -> l.contains(" 407 alice sixth "));
        assertThat(alice.lines()).contains(":chat.localhost 407 alice fifth :Too many recipients (TARGMAX PRIVMSG:4), not delivered");
        alice.lines().clear();
        alice.send("NOTICE n1,n2,n3,n4,fifth :psst");
        alice.send("PING :mark");
        alice.await(l -> l.endsWith(":mark"));
        core.drainAll();
        assertThat(alice.lines()).noneMatch(l -> l.contains(" 407 ") || l.contains(" 401 "));
        assertThat(fifth.lines()).noneMatch(l -> l.contains(" PRIVMSG fifth ") || l.contains(" NOTICE fifth "));
        assertThat(sixth.lines()).noneMatch(l -> l.contains(" PRIVMSG sixth "));
    }
}
