package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WHO with masks and the o filter, and WHOX (354), through the core. */
@Timeout(30)
class WhoCommandTest {
    private CoreHarness core;
    private CoreHarness.Peer alice;
    private CoreHarness.Peer cool;
    private CoreHarness.Peer ghost;

    @BeforeEach
    void users() throws Exception {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);
        alice = core.register("alice", 0);
        cool = core.register("coolnick", 1);
        ghost = core.register("ghost", 1);
        ghost.send("MODE ghost +i");
        ghost.sync();
    }

    @AfterEach
    void close() {
        core.close();
    }

    private void who(String args, String end) throws Exception {
        alice.lines().clear();
        alice.send("WHO " + args);
        alice.await(l -> l.contains(" 315 alice " + end + " :End of WHO list"));
    }

    @Test
    void masksMatchNicksAndUserAtHostAndInvisibleUsersStayHidden() throws Exception {
        who("coolni*", "coolni*");
        assertThat(alice.lines()).contains(":chat.localhost 352 alice * ~coolnick 127.0.0.1 chat.localhost coolnick H :0 coolnick")
                .noneMatch(l -> l.contains(" 352 alice * ~alice "));
        who("*", "*");
        assertThat(alice.lines()).anyMatch(l -> l.contains(" 352 alice * ~alice "))
                .anyMatch(l -> l.contains(" 352 alice * ~coolnick "))
                .noneMatch(l -> l.contains(" ghost "));
        who("*@127.0.0.1", "*@127.0.0.1");
        assertThat(alice.lines().stream().filter(l -> l.contains(" 352 "))).hasSize(2);
        who("*!~cool*@*", "*!~cool*@*");
        assertThat(alice.lines().stream().filter(l -> l.contains(" 352 "))).hasSize(1);
        who("127.0.0.1", "127.0.0.1");
        assertThat(alice.lines().stream().filter(l -> l.contains(" 352 "))).as("a bare host matches as a mask").hasSize(2);
        who("nobody*", "nobody*");
        assertThat(alice.lines()).noneMatch(l -> l.contains(" 352 "));
    }

    @Test
    void anInvisibleUserIsListedToSomeoneSharingARoomAndByExactNick() throws Exception {
        who("ghost", "ghost");
        assertThat(alice.lines()).anyMatch(l -> l.contains(" 352 alice * ~ghost 127.0.0.1 chat.localhost ghost H :0 ghost"));
        ghost.send("JOIN #den");
        ghost.sync();
        who("#den", "#den");
        assertThat(alice.lines()).as("not a member: +i members are hidden").noneMatch(l -> l.contains(" 352 "));
        alice.send("JOIN #den");
        alice.sync();
        who("*", "*");
        assertThat(alice.lines()).anyMatch(l -> l.contains(" 352 alice * ~ghost "));
        who("#den", "#den");
        assertThat(alice.lines()).anyMatch(l -> l.contains(" 352 alice #den ~ghost 127.0.0.1 chat.localhost ghost H@ :0 ghost"));
    }

    @Test
    void theOFilterListsServerOperatorsOnly() throws Exception {
        cool.session.client().serverOperator(true);
        who("* o", "*");
        assertThat(alice.lines()).filteredOn(l -> l.contains(" 352 ")).singleElement()
                .satisfies(l -> assertThat(l).contains(" coolnick H* :0 coolnick"));
    }

    @Test
    void whoxAnswersTheAskedFieldsInTheSpecsOrderWithTheToken() throws Exception {
        cool.send("AWAY :lunch");
        cool.sync();
        who("coolnick %rnfuht,42", "coolnick");
        assertThat(alice.lines()).contains(":chat.localhost 354 alice 42 ~coolnick 127.0.0.1 coolnick G :coolnick")
                .noneMatch(l -> l.contains(" 352 "));
        alice.send("JOIN #x");
        alice.sync();
        who("#x %cnfdaol", "#x");
        assertThat(alice.lines()).anyMatch(l -> l.matches(":chat.localhost 354 alice #x alice H@ 0 \\d+ 0 :n/a"));
        who("coolnick %tn,not-a-number", "coolnick");
        assertThat(alice.lines()).contains(":chat.localhost 354 alice 0 :coolnick");
        who("coolnick %", "coolnick");
        assertThat(alice.lines()).noneMatch(l -> l.contains(" 354 ") || l.contains(" 352 "));
    }

    @Test
    void whoxAdvertisedIn005() throws Exception {
        assertThat(String.join(" ", alice.lines())).contains(" WHOX", "MONITOR=100", "ELIST=CMNTU",
                "CHANMODES=beI,k,l,Cimnrst", "TARGMAX=JOIN:,KICK:,NAMES:,");
        assertThat(alice.lines()).anyMatch(l -> l.contains(" 004 alice chat.localhost chatroom-test Bio CIbeiklmnorstv :Ibeklov"));
    }
}
