package org.chatroom.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RoomModesTest {
    private ChatServer server;
    private IrcTestClient op;
    private IrcTestClient bob;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        op = IrcTestClient.registered(server.port(), "owner");
        bob = IrcTestClient.registered(server.port(), "bob");
        op.send("JOIN #den");
        op.awaitContains(" 353 owner = #den :@owner");
    }

    @AfterEach
    void stop() throws Exception {
        op.close();
        bob.close();
        server.close();
    }

    @Test
    void creatorIsOperatorAndModesAreQueried() throws Exception {
        op.send("MODE #den");
        op.awaitContains(" 324 owner #den :+nt");
        op.awaitLine(l -> l.matches(".* 329 owner #den :\\d+"));
        String isupport = String.join(" ", op.lines().stream().filter(l -> l.contains(" 005 ")).toList());
        assertThat(isupport).contains("PREFIX=(ov)@+", "CHANMODES=beI,k,l,Cimnrst", "MODES=4");
        bob.send("JOIN #den");
        bob.awaitContains(" 353 bob = #den :@owner bob");
        bob.send("MODE #den +m");
        bob.awaitContains(" 482 bob #den :You're not channel operator");
        bob.send("MODE #den +z");
        bob.awaitContains(" 482 bob #den ");
        op.send("MODE #den +z");
        op.awaitContains(" 472 owner z :is unknown mode char to me");
    }

    @Test
    void opAndVoiceAreGivenAndShown() throws Exception {
        bob.send("JOIN #den");
        op.awaitContains(":bob!~bob@127.0.0.1 JOIN #den");
        op.send("MODE #den +v :bob");
        bob.awaitContains(":owner!~owner@127.0.0.1 MODE #den +v :bob");
        op.send("MODE #den +o :bob");
        bob.awaitContains(":owner!~owner@127.0.0.1 MODE #den +o :bob");
        bob.send("NAMES #den");
        bob.awaitContains(" 353 bob = #den :@owner @bob");
        bob.send("MODE #den -o :owner");
        op.awaitContains(":bob!~bob@127.0.0.1 MODE #den -o :owner");
        op.send("MODE #den +o ghost");
        op.awaitContains(" 482 owner #den ");
        bob.send("MODE #den +o ghost");
        bob.awaitContains(" 401 bob ghost ");
        bob.send("MODE #den +v alice");
        bob.awaitContains(" 401 bob alice ");
    }

    @Test
    void multiPrefixShowsEveryPrefix() throws Exception {
        try (IrcTestClient multi = new IrcTestClient(server.port())) {
            multi.send("CAP LS 302");
            multi.send("CAP REQ :multi-prefix");
            multi.send("NICK multi");
            multi.send("USER m 0 * :M");
            multi.send("CAP END");
            multi.awaitContains(" 366 multi #lobby ");
            multi.send("JOIN #den");
            op.awaitContains("multi!~m@127.0.0.1 JOIN #den");
            op.send("MODE #den +v owner");
            op.awaitContains("MODE #den +v :owner");
            multi.send("NAMES #den");
            multi.awaitContains(" 353 multi = #den :@+owner multi");
        }
    }

    @Test
    void topicLockModeratedAndNoExternal() throws Exception {
        bob.send("JOIN #den");
        op.awaitContains("bob!~bob@127.0.0.1 JOIN #den");
        bob.send("TOPIC #den :mine now");
        bob.awaitContains(" 482 bob #den ");
        op.send("MODE #den -t");
        bob.awaitContains("MODE #den :-t");
        bob.send("TOPIC #den :mine now");
        op.awaitContains(":bob!~bob@127.0.0.1 TOPIC #den :mine now");
        op.send("MODE #den +m");
        bob.awaitContains("MODE #den :+m");
        bob.send("PRIVMSG #den :can I talk?");
        bob.awaitContains(" 404 bob #den :Cannot send to channel");
        op.send("MODE #den +v :bob");
        bob.awaitContains("MODE #den +v :bob");
        bob.send("PRIVMSG #den :now I can");
        op.awaitContains("PRIVMSG #den :now I can");
        assertThat(op.received("can I talk?")).isFalse();
        try (IrcTestClient outsider = IrcTestClient.registered(server.port(), "outsider")) {
            outsider.send("PRIVMSG #den :from outside");
            outsider.awaitContains(" 404 outsider #den ");
        }
    }

    @Test
    void keyLimitAndInviteOnlyGuardJoin() throws Exception {
        op.send("MODE #den +kl sesame 2");
        op.awaitContains(":owner!~owner@127.0.0.1 MODE #den +kl sesame :2");
        bob.send("JOIN #den");
        bob.awaitContains(" 475 bob #den :Cannot join channel (+k)");
        bob.send("JOIN #den wrong");
        bob.sync();
        assertThat(bob.lines().stream().filter(l -> l.contains(" 475 ")).count()).isEqualTo(2);
        bob.send("JOIN #den sesame");
        bob.awaitContains(":bob!~bob@127.0.0.1 JOIN #den");
        bob.send("MODE #den");
        bob.awaitContains(" 324 bob #den :+klnt sesame 2");
        try (IrcTestClient third = IrcTestClient.registered(server.port(), "third")) {
            third.send("MODE #den");
            third.awaitContains(" 324 third #den :+klnt * 2");
            third.send("JOIN #den sesame");
            third.awaitContains(" 471 third #den :Cannot join channel (+l)");
            op.send("MODE #den -kl+i *");
            op.awaitContains("MODE #den -kl+i :*");
            third.send("JOIN #den");
            third.awaitContains(" 473 third #den :Cannot join channel (+i)");
            bob.send("INVITE third #den");
            bob.awaitContains(" 482 bob #den ");
            op.send("INVITE third #den");
            op.awaitContains(" 341 owner third :#den");
            third.awaitContains(":owner!~owner@127.0.0.1 INVITE third :#den");
            third.send("JOIN #den");
            third.awaitContains(":third!~third@127.0.0.1 JOIN #den");
            op.send("INVITE third #den");
            op.awaitContains(" 443 owner third #den :is already on channel");
        }
    }

    @Test
    void banListBlocksJoinAndSpeech() throws Exception {
        bob.send("JOIN #den");
        op.awaitContains("bob!~bob@127.0.0.1 JOIN #den");
        op.send("MODE #den +b bob!*@*");
        bob.awaitContains(":owner!~owner@127.0.0.1 MODE #den +b :bob!*@*");
        op.send("MODE #den +b");
        op.awaitLine(l -> l.matches(".* 367 owner #den bob!\\*@\\* owner :\\d+"));
        op.awaitContains(" 368 owner #den :End of channel ban list");
        bob.send("PRIVMSG #den :muted?");
        bob.awaitContains(" 404 bob #den ");
        bob.send("PART #den");
        bob.awaitContains("PART #den");
        bob.send("JOIN #den");
        bob.awaitContains(" 474 bob #den :Cannot join channel (+b)");
        op.send("MODE #den -b bob!*@*");
        op.awaitContains("MODE #den -b :bob!*@*");
        bob.clear(); // bob's first JOIN is still in the list
        bob.send("JOIN #den");
        bob.awaitContains(":bob!~bob@127.0.0.1 JOIN #den");
    }

    @Test
    void kickByOperator() throws Exception {
        bob.send("JOIN #den");
        op.awaitContains("bob!~bob@127.0.0.1 JOIN #den");
        bob.send("KICK #den owner :coup");
        bob.awaitContains(" 482 bob #den ");
        op.send("KICK #den bob :behave");
        bob.awaitContains(":owner!~owner@127.0.0.1 KICK #den bob :behave");
        op.awaitContains(":owner!~owner@127.0.0.1 KICK #den bob :behave");
        assertThat(server.registry().rooms().get("#den").contains(server.registry().byNick("bob"))).isFalse();
        op.send("KICK #den bob");
        op.awaitContains(" 441 owner bob #den :They aren't on that channel");
        op.clear(); // the first JOIN is still in the list: wait for the new one
        bob.send("JOIN #den");
        op.awaitContains("bob!~bob@127.0.0.1 JOIN #den");
        op.send("KICK #den bob");
        bob.awaitContains(":owner!~owner@127.0.0.1 KICK #den bob :owner");
        assertThat(bob.isClosed()).as("a KICK only removes from the room").isFalse();
    }

    @Test
    void configuredRoomHasNoOperator() throws Exception {
        bob.send("NAMES #lobby");
        bob.awaitContains(" 353 bob = #lobby :owner bob");
        bob.send("TOPIC #lobby :hijack");
        bob.awaitContains(" 482 bob #lobby ");
    }
}
