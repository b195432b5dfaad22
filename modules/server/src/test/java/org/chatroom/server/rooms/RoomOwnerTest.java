package org.chatroom.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.accounts.Sasl;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registered rooms (MODE +r), on a real daemon restarted on the same SQLite file: the owner gets op
 * back when they join after a restart, on any connection; someone else joining first does not.
 */
@Timeout(60)
class RoomOwnerTest {
    private static final String PASSWORD = "correct-horse";

    /** A user who made {@code nick}'s account (REGISTER) and is logged in to it. */
    private static IrcTestClient withNewAccount(int port, String nick) throws IOException {
        IrcTestClient c = IrcTestClient.registered(port, nick);
        c.send("REGISTER * * " + PASSWORD);
        c.awaitContains(" 900 " + nick + " ");
        return c;
    }

    /** A user who logs in (SASL PLAIN, after registration) to the account of its nick. */
    private static IrcTestClient loggedIn(int port, String nick) throws IOException {
        IrcTestClient c = IrcTestClient.registered(port, nick);
        c.send("AUTHENTICATE PLAIN");
        c.awaitLine(l -> l.equals("AUTHENTICATE +"));
        c.send("AUTHENTICATE " + Sasl.plain("", nick, PASSWORD));
        c.awaitContains(" 903 " + nick + " ");
        return c;
    }

    @Test
    void theOwnerGetsOpBackAfterARestartAndWhoeverJoinsFirstDoesNot(@TempDir Path data) throws Exception {
        Map<String, String> cfg = Map.of("data.dir", data.toString());
        try (ChatServer first = TestServer.start(cfg);
             IrcTestClient alice = withNewAccount(first.port(), "alice")) {
            alice.send("JOIN #den");
            alice.awaitContains(" 353 alice = #den :@alice");
            alice.send("MODE #den +r");
            alice.awaitContains(":alice!~alice@127.0.0.1 MODE #den :+r");
            alice.send("TOPIC #den :Our den");
            alice.awaitContains(" TOPIC #den :Our den");
            alice.send("MODE #den");
            alice.awaitContains(" 324 alice #den :+nrt");
        }
        try (ChatServer second = TestServer.start(cfg);
             IrcTestClient bob = IrcTestClient.registered(second.port(), "bob")) {
            bob.send("JOIN #den");
            bob.awaitContains(" 332 bob #den :Our den");
            bob.awaitContains(" 353 bob = #den :bob");
            bob.send("MODE #den +o bob");
            bob.awaitContains(" 482 bob #den ");
            try (IrcTestClient alice = loggedIn(second.port(), "alice")) {
                alice.send("JOIN #den");
                alice.awaitLine(l -> l.contains(" 353 alice = #den :") && l.contains("@alice"));
                bob.awaitLine(l -> l.endsWith(" MODE #den +o :alice") && !l.startsWith(":alice!"));
                bob.send("KICK #den alice");
                bob.awaitContains(" 482 bob #den ");
                alice.send("KICK #den bob :mine");
                bob.awaitContains(":alice!~alice@127.0.0.1 KICK #den bob :mine");
            }
        }
    }

    @Test
    void theOwnerGetsOpOnEveryConnectionAndWhenLoggingInAfterJoining() throws Exception {
        try (ChatServer server = TestServer.start();
             IrcTestClient alice = withNewAccount(server.port(), "alice");
             IrcTestClient second = IrcTestClient.registered(server.port(), "phone")) {
            alice.send("JOIN #den");
            alice.send("MODE #den +r");
            alice.awaitContains("MODE #den :+r");
            second.send("JOIN #den");
            second.awaitContains(" 353 phone = #den :@alice phone");
            second.send("AUTHENTICATE PLAIN");
            second.awaitLine(l -> l.equals("AUTHENTICATE +"));
            second.send("AUTHENTICATE " + Sasl.plain("", "alice", PASSWORD));
            second.awaitContains(" 903 phone ");
            alice.awaitLine(l -> l.endsWith(" MODE #den +o :phone") && !l.startsWith(":alice!"));
            assertThat(server.registry().rooms().get("#den").isOperator(server.registry().byNick("phone"))).isTrue();
        }
    }

    @Test
    void aRegisteredRoomOutlivesItsMembersAndANewcomerGetsNoOp() throws Exception {
        try (ChatServer server = TestServer.start();
             IrcTestClient alice = withNewAccount(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.send("JOIN #den");
            alice.send("MODE #den +ri");
            alice.awaitContains(":alice!~alice@127.0.0.1 MODE #den :+ri");
            alice.send("PART #den");
            alice.awaitContains(":alice!~alice@127.0.0.1 PART #den");
            assertThat(server.registry().rooms().get("#den")).as("kept with nobody in it").isNotNull();
            bob.send("JOIN #den");
            bob.awaitContains(" 473 bob #den ");
            alice.send("JOIN #den"); // +i keeps out everyone but the owner
            alice.awaitContains(" 353 alice = #den :@alice");
            alice.send("MODE #den -i");
            alice.awaitContains("MODE #den :-i");
            bob.send("JOIN #den");
            bob.awaitContains(" 353 bob = #den :");
            bob.sync();
            assertThat(bob.received(" 353 bob = #den :@bob")).isFalse();
            assertThat(bob.received(" 353 bob = #den :@alice bob")).isTrue();
        }
    }

    @Test
    void registeringNeedsAnAccountAndTheRoomStaysItsOwners() throws Exception {
        String hash = PasswordHash.create("pw".toCharArray()).toString();
        try (ChatServer server = TestServer.start(Map.of("oper.accounts", "root:" + hash));
             IrcTestClient guest = IrcTestClient.registered(server.port(), "guest");
             IrcTestClient alice = withNewAccount(server.port(), "alice");
             IrcTestClient carol = withNewAccount(server.port(), "carol")) {
            guest.send("CAP REQ :standard-replies");
            guest.awaitContains(" ACK :standard-replies");
            guest.send("JOIN #own");
            guest.awaitContains(" 353 guest = #own :@guest");
            guest.send("MODE #own +r");
            guest.awaitLine(l -> l.contains(" FAIL MODE ACCOUNT_REQUIRED #own :Log in to an account"));

            alice.send("JOIN #den");
            alice.send("MODE #den +r");
            alice.awaitContains("MODE #den :+r");
            carol.send("JOIN #den");
            carol.awaitContains(" 366 carol #den ");
            alice.send("MODE #den +o carol");
            carol.awaitContains("MODE #den +o :carol");
            carol.send("MODE #den +r"); // no standard-replies: the same said in a NOTICE
            carol.awaitContains(" NOTICE carol :MODE: #den is registered to alice; only alice or a server operator"
                    + " can unregister it");
            carol.send("MODE #den -r");
            carol.awaitContains(" NOTICE carol :MODE: Only alice (who registered #den) or a server operator can"
                    + " unregister it");
            assertThat(server.registry().rooms().get("#den").owner()).isEqualTo("alice");

            guest.send("OPER root pw");
            guest.awaitContains(" 381 guest ");
            guest.send("MODE #den -r"); // a server operator, from outside the room
            alice.awaitContains(":guest!~guest@127.0.0.1 MODE #den :-r");
            carol.send("MODE #den +r"); // unregistered: another operator may take it now
            alice.awaitContains(":carol!~carol@127.0.0.1 MODE #den :+r");
            assertThat(server.registry().rooms().get("#den").owner()).isEqualTo("carol");
        }
    }

    @Test
    void anUnregisteredRoomIsForgottenAtTheNextStart(@TempDir Path data) throws Exception {
        Map<String, String> cfg = Map.of("data.dir", data.toString());
        try (ChatServer first = TestServer.start(cfg);
             IrcTestClient alice = withNewAccount(first.port(), "alice")) {
            alice.send("JOIN #den");
            alice.send("MODE #den +r");
            alice.send("MODE #den -r");
            alice.awaitContains(":alice!~alice@127.0.0.1 MODE #den :-r");
        }
        try (ChatServer second = TestServer.start(cfg);
             IrcTestClient bob = IrcTestClient.registered(second.port(), "bob")) {
            assertThat(second.registry().rooms().get("#den")).isNull();
            bob.send("JOIN #den");
            bob.awaitContains(" 353 bob = #den :@bob"); // made anew: its creator runs it
        }
    }
}
