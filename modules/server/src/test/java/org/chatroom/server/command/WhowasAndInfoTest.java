package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WHOWAS, INFO, HELP/HELPOP, LINKS and INVITE with no arguments, through the core. */
@Timeout(30)
class WhowasAndInfoTest {
    private CoreHarness core;
    private CoreHarness.Peer alice;

    @BeforeEach
    void start() throws Exception {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);
        alice = core.register("alice", 0);
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void whowasRemembersQuitsAndNickChangesNewestFirst() throws Exception {
        CoreHarness.Peer bob = core.register("bob", 1);
        bob.send("NICK robert");
        bob.send("QUIT :bye");
        bob.sync();
        CoreHarness.Peer again = core.register("bob", 1);
        again.send("QUIT");
        again.sync();
        alice.send("WHOWAS robert");
        alice.await(l -> l.contains(" 369 alice robert :End of WHOWAS"));
        assertThat(alice.lines()).contains(":chat.localhost 314 alice robert ~bob 127.0.0.1 * :bob")
                .anyMatch(l -> l.startsWith(":chat.localhost 312 alice robert chat.localhost :"));
        alice.lines().clear();
        alice.send("WHOWAS BOB");
        alice.await(l -> l.contains(" 369 alice BOB "));
        assertThat(alice.lines().stream().filter(l -> l.contains(" 314 alice bob "))).hasSize(2);
        alice.lines().clear();
        alice.send("WHOWAS bob 1");
        alice.await(l -> l.contains(" 369 alice bob "));
        assertThat(alice.lines().stream().filter(l -> l.contains(" 314 alice bob "))).hasSize(1);
    }

    @Test
    void whowasOfAnUnknownNickOrNoNick() throws Exception {
        alice.send("WHOWAS nobody");
        alice.await(l -> l.contains(" 369 alice nobody "));
        assertThat(alice.lines()).contains(":chat.localhost 406 alice nobody :There was no such nickname");
        alice.send("WHOWAS");
        alice.await(l -> l.equals(":chat.localhost 461 alice WHOWAS :Not enough parameters"));
        alice.send("WHOWAS :");
        alice.await(l -> l.equals(":chat.localhost 431 alice :No nickname given"));
    }

    @Test
    void infoAndLinks() throws Exception {
        alice.send("INFO");
        alice.await(l -> l.equals(":chat.localhost 374 alice :End of INFO list"));
        assertThat(alice.lines()).anyMatch(l -> l.startsWith(":chat.localhost 371 alice :Chatroom test"));
        alice.send("LINKS");
        alice.await(l -> l.equals(":chat.localhost 365 alice * :End of /LINKS list"));
        assertThat(alice.lines()).contains(":chat.localhost 364 alice * chat.localhost :0 Chatroom IRC daemon");
        alice.lines().clear();
        alice.send("LINKS elsewhere.*");
        alice.await(l -> l.contains(" 365 alice "));
        assertThat(alice.lines()).noneMatch(l -> l.contains(" 364 "));
    }

    @Test
    void helpComesFromTheShippedFile() throws Exception {
        alice.send("HELP");
        alice.await(l -> l.startsWith(":chat.localhost 706 alice * :"));
        assertThat(alice.lines()).contains(":chat.localhost 704 alice * :** Chatroom help **")
                .anyMatch(l -> l.startsWith(":chat.localhost 705 alice * :Commands: "));
        alice.send("HELPOP monitor");
        alice.await(l -> l.startsWith(":chat.localhost 706 alice MONITOR :"));
        assertThat(alice.lines()).contains(":chat.localhost 704 alice MONITOR :MONITOR + nick[,nick...] | - nick[,nick...] | C | L | S");
        alice.send("HELP frobnicate");
        alice.await(l -> l.equals(":chat.localhost 524 alice frobnicate :No help available on this topic"));
    }

    @Test
    void inviteAloneListsThePendingInvitations() throws Exception {
        CoreHarness.Peer bob = core.register("bob", 1);
        alice.send("JOIN #club,#den");
        alice.send("MODE #club +i");
        alice.send("INVITE bob #club");
        alice.send("INVITE bob #den");
        alice.await(l -> l.contains(" 341 alice bob "));
        alice.sync();
        bob.send("JOIN #den");
        bob.send("INVITE");
        bob.await(l -> l.equals(":chat.localhost 337 bob :End of /INVITE list"));
        assertThat(bob.lines()).contains(":chat.localhost 336 bob :#club").noneMatch(l -> l.contains(" 336 bob :#den"));
        bob.send("INVITE alice");
        bob.await(l -> l.equals(":chat.localhost 461 bob INVITE :Not enough parameters"));
    }
}
