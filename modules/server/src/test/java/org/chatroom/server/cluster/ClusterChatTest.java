package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two real daemons sharing one Redis and one PostgreSQL: users of both see one chat. */
@Timeout(120)
class ClusterChatTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    private ClusterNodes nodes;
    private ChatServer a;
    private ChatServer b;

    @BeforeEach
    void twoNodes() throws Exception {
        nodes = new ClusterNodes(PG);
        a = nodes.start("node-a");
        b = nodes.start("node-b");
    }

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    @Test
    void usersOnTwoNodesChatInOneRoom() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient bob = nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
        alice.send("PRIVMSG #lobby :hello from node a");
        bob.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG #lobby :hello from node a");
        bob.send("PRIVMSG #lobby :and back from b");
        alice.awaitContains(":bob!~bob@127.0.0.1 PRIVMSG #lobby :and back from b");
        alice.sync();
        assertThat(alice.lines()).filteredOn(l -> l.contains("hello from node a")).as("no echo without echo-message")
                .isEmpty();
    }

    @Test
    void aPrivateMessageReachesAUserOfTheOtherNode() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient bob = nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
        alice.send("PRIVMSG bob :just for you");
        bob.awaitContains(":alice!~alice@127.0.0.1 PRIVMSG bob :just for you");
        bob.send("AWAY :lunch");
        bob.sync();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            alice.send("PRIVMSG bob :still there?");
            alice.sync();
            assertThat(alice.lines()).anyMatch(l -> l.contains(" 301 alice bob :lunch"));
        });
    }

    @Test
    void namesWhoAndWhoisShowUsersOfEveryNode() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient bob = nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
        String names = bob.awaitLine(l -> l.contains(" 353 bob ") && l.contains("#lobby"));
        assertThat(names).contains("alice").contains("bob");
        bob.send("WHOIS alice");
        bob.awaitLine(l -> l.contains(" 311 bob alice ~alice 127.0.0.1 "));
        bob.send("WHO #lobby");
        bob.awaitLine(l -> l.contains(" 352 bob #lobby ~alice 127.0.0.1 ") && l.contains(" alice "));
        alice.send("LUSERS");
        alice.awaitContains(" 251 alice :There are 2 users and 0 invisible on 2 servers");
        alice.send("ISON bob");
        alice.awaitContains(" 303 alice :bob");
    }

    @Test
    void topicAndModeChangesAreSeenOnEveryNode() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient bob = nodes.user(b, "bob");
        alice.send("JOIN #dev");
        alice.awaitContains(" 366 alice #dev ");
        bob.send("JOIN #dev");
        bob.awaitLine(l -> l.contains(" 353 bob ") && l.contains("@alice"));
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #dev");

        alice.send("TOPIC #dev :release on friday");
        bob.awaitContains(":alice!~alice@127.0.0.1 TOPIC #dev :release on friday");
        bob.send("TOPIC #dev :no, monday");
        bob.awaitContains(" 482 bob #dev "); // +t, and bob is no operator: decided on bob's node
        alice.send("MODE #dev +m");
        bob.awaitContains(":alice!~alice@127.0.0.1 MODE #dev :+m");
        bob.send("PRIVMSG #dev :may I?");
        bob.awaitContains(" 404 bob #dev ");
        alice.send("MODE #dev +v bob");
        bob.awaitContains(":alice!~alice@127.0.0.1 MODE #dev +v :bob");
        bob.send("PRIVMSG #dev :thanks");
        alice.awaitContains(":bob!~bob@127.0.0.1 PRIVMSG #dev :thanks");

        alice.send("KICK #dev bob :enough");
        bob.awaitContains(":alice!~alice@127.0.0.1 KICK #dev bob :enough");
        bob.clear();
        bob.send("NAMES #dev");
        bob.awaitContains(" 366 bob #dev ");
        // bob is no member any more; whether his node still lists alice (a non-member may NAMES a public
        // room) depends on how soon it forgets a room with no local member, so only bob's absence counts
        assertThat(bob.lines()).as("out of #dev on its own node too")
                .noneMatch(l -> l.contains(" 353 ") && java.util.Arrays.asList(
                        l.substring(l.indexOf(" :", l.indexOf(" 353 ")) + 2).replaceAll("[@+]", "").split(" "))
                        .contains("bob"));
        alice.clear();
        alice.send("NAMES #dev");
        assertThat(alice.awaitLine(l -> l.contains(" 353 alice ") && l.contains("#dev"))).doesNotContain("bob");
    }

    @Test
    void aRoomNewToANodeKeepsItsOperatorsAndBans() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        alice.send("JOIN #ops");
        alice.awaitContains(" 366 alice #ops ");
        alice.send("MODE #ops +b bob!*@*");
        alice.awaitContains("MODE #ops +b :bob!*@*");
        IrcTestClient bob = nodes.user(b, "bob");
        bob.send("JOIN #ops");
        bob.awaitContains(" 474 bob #ops "); // the ban set on node a holds on node b
        IrcTestClient carol = nodes.user(b, "carol");
        carol.send("JOIN #ops");
        String names = carol.awaitLine(l -> l.contains(" 353 carol ") && l.contains("#ops"));
        assertThat(names).contains("@alice").doesNotContain("@carol"); // no operator for whoever joins first on b
    }

    @Test
    void anInvitationFromAnotherNodeLetsAUserIntoAnInviteOnlyRoom() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient bob = nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
        alice.send("JOIN #club");
        alice.awaitContains(" 366 alice #club ");
        alice.send("MODE #club +i");
        alice.awaitContains("MODE #club :+i");
        // the mode reaches Redis a moment after the echo (written without waiting): a JOIN elsewhere
        // within that moment would still get in, so the test waits for it to be there
        await().atMost(Duration.ofSeconds(5)).until(() ->
                nodes.redis().command("EVAL \"return string.find(redis.call('HGET', KEYS[1], 'modes') or '', 'i')"
                        + " and 1 or 0\" 1 chat:room:#club:state").equals(":1"));
        bob.send("JOIN #club");
        bob.awaitContains(" 473 bob #club ");
        alice.send("INVITE bob #club");
        alice.awaitContains(" 341 alice bob :#club");
        bob.awaitContains(":alice!~alice@127.0.0.1 INVITE bob :#club");
        bob.send("JOIN #club");
        bob.awaitContains(" 366 bob #club ");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #club");
    }

    @Test
    void monitorAndTagmsgWorkAcrossNodes() throws Exception {
        IrcTestClient alice = withCaps(a, "alice", "message-tags");
        alice.send("MONITOR + bob");
        alice.awaitContains(" 731 alice :bob");
        IrcTestClient bob = withCaps(b, "bob", "message-tags");
        alice.awaitContains(" 730 alice :bob!~bob@127.0.0.1");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
        alice.send("@+draft/react=ok TAGMSG #lobby");
        bob.awaitLine(l -> l.contains("+draft/react=ok") && l.endsWith(":alice!~alice@127.0.0.1 TAGMSG #lobby"));
        bob.send("QUIT :bye");
        alice.awaitContains(" 731 alice :bob");
    }

    /** A user on {@code node} that negotiated {@code caps}, past the default room's NAMES. */
    private IrcTestClient withCaps(ChatServer node, String nick, String caps) throws Exception {
        IrcTestClient c = nodes.connect(node);
        c.send("CAP LS 302");
        c.send("CAP REQ :" + caps);
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
        c.send("CAP END");
        c.awaitContains(" 366 " + nick + " #lobby ");
        return c;
    }

    @Test
    void historyWrittenOnOneNodeIsReadOnAnother() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        alice.send("PRIVMSG #lobby :for the record");
        alice.sync();
        IrcTestClient bob = withCaps(b, "bob", "batch server-time message-tags draft/chathistory");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            bob.send("CHATHISTORY LATEST #lobby * 10");
            bob.sync();
            assertThat(bob.lines()).anyMatch(l -> l.contains(":alice!~alice@127.0.0.1 PRIVMSG #lobby :for the record"));
        });
    }

    @Test
    void theOwnerOfARegisteredRoomIsOppedOnEveryNode() throws Exception {
        IrcTestClient alice = nodes.user(a, "alice");
        alice.send("REGISTER * * correct-horse");
        alice.awaitContains(" 900 alice ");
        alice.send("JOIN #den");
        alice.awaitContains(" 353 alice = #den :@alice");
        alice.send("MODE #den +r");
        alice.awaitContains(" MODE #den :+r");
        IrcTestClient bob = nodes.user(b, "bob");
        bob.send("JOIN #den");
        bob.awaitContains(" 366 bob #den ");
        alice.send("PART #den");
        bob.awaitContains(":alice!~alice@127.0.0.1 PART #den");

        alice.send("JOIN #den"); // the owner gets op from the server on joining: node b sees it too
        bob.awaitLine(l -> l.endsWith(" MODE #den +o alice") || l.endsWith(" MODE #den +o :alice"));
        bob.clear();
        bob.send("NAMES #den");
        String names = bob.awaitLine(l -> l.contains(" 353 bob ") && l.contains(" #den :"));
        assertThat(names.substring(names.lastIndexOf(':') + 1).split(" ")).contains("@alice");
    }
}
