package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LIST with its room list and the ELIST conditions (M, N, U, C, T), through the core. */
@Timeout(30)
class ListCommandTest {
    private CoreHarness core;
    private CoreHarness.Peer alice;

    @BeforeEach
    void rooms() throws Exception {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);
        alice = core.register("alice", 0);
        CoreHarness.Peer bob = core.register("bob", 1);
        alice.send("JOIN #chat-one,#chat-two,#other");
        alice.send("TOPIC #other :hello");
        alice.sync();
        bob.send("JOIN #chat-two");
        bob.sync();
    }

    @AfterEach
    void close() {
        core.close();
    }

    /** The rooms one LIST shows, after checking it opens with 321 and closes with 323. */
    private List<String> list(String args) throws Exception {
        alice.lines().clear();
        alice.send(args.isEmpty() ? "LIST" : "LIST " + args);
        alice.await(l -> l.contains(" 323 alice :End of /LIST"));
        assertThat(alice.lines()).anyMatch(l -> l.contains(" 321 alice Channel :Users  Name"));
        return alice.lines().stream().filter(l -> l.contains(" 322 alice ")).map(l -> l.split(" ")[3]).sorted().toList();
    }

    @Test
    void namedRoomsAloneAndNothingForAMissingOne() throws Exception {
        assertThat(list("#nonexistent")).isEmpty();
        assertThat(list("#chat-one,#OTHER")).containsExactly("#chat-one", "#other");
        assertThat(list("")).containsExactly("#chat-one", "#chat-two", "#other");
        assertThat(alice.lines()).contains(":chat.localhost 322 alice #chat-two 2 :", ":chat.localhost 322 alice #other 1 :hello");
    }

    @Test
    void masksAndNegatedMasks() throws Exception {
        assertThat(list("*chat*")).containsExactly("#chat-one", "#chat-two");
        assertThat(list("!*chat*")).containsExactly("#other");
        assertThat(list("#other,*-two")).containsExactly("#chat-two", "#other");
    }

    @Test
    void userCountsAndTimes() throws Exception {
        assertThat(list(">1")).containsExactly("#chat-two");
        assertThat(list("<2")).containsExactly("#chat-one", "#other");
        assertThat(list(">0,<2,*chat*")).containsExactly("#chat-one");
        assertThat(list("C<10")).containsExactly("#chat-one", "#chat-two", "#other");
        assertThat(list("C>10")).isEmpty();
        assertThat(list("T<10")).as("only a room with a topic has a topic time").containsExactly("#other");
        assertThat(list("T>10")).isEmpty();
        assertThat(list(">x")).as("a condition that does not parse is ignored").hasSize(3);
    }

    @Test
    void aSecretRoomIsListedToItsMembersOnly() throws Exception {
        CoreHarness.Peer carol = core.register("carol", 1);
        alice.send("MODE #other +s");
        alice.sync();
        carol.lines().clear();
        carol.send("LIST");
        carol.await(l -> l.contains(" 323 carol "));
        assertThat(carol.lines()).anyMatch(l -> l.contains(" 322 carol #chat-one ")).noneMatch(l -> l.contains("#other"));
        assertThat(list("#other")).containsExactly("#other");
    }
}
