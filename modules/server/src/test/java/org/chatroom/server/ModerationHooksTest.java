package org.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chatroom.server.event.ChatListener;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hooks the admin socket builds on: kick, admission (bans) and the event stream. */
@Timeout(30)
class ModerationHooksTest {

    @Test
    void kickedUserAndBystanderSeeTheReason() throws Exception {
        try (ChatServer s = TestServer.start();
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice");
             IrcTestClient troll = IrcTestClient.registered(s.port(), "troll")) {
            s.registry().byNick("troll").kick("chat.localhost", "spamming links");
            troll.awaitContains(":chat.localhost KICK #lobby troll :spamming links");
            troll.awaitContains("ERROR :Closing link: (~troll@127.0.0.1) [Kicked by chat.localhost: spamming links]");
            troll.awaitClosed();
            alice.awaitContains(":chat.localhost KICK #lobby troll :spamming links");
            alice.sync();
            assertThat(alice.received(" QUIT ")).as("no second announcement").isFalse();
            assertThat(s.registry().byNick("troll")).isNull();
        }
    }

    @Test
    void admissionPolicyRefusesAtRegistrationWith465() throws Exception {
        try (ChatServer s = TestServer.start()) {
            s.context().admission(c -> c.nick().equals("banned") ? "flooding (until tomorrow)" : null);
            try (IrcTestClient c = new IrcTestClient(s.port())) {
                c.send("NICK banned");
                c.send("USER b 0 * :B");
                c.awaitContains(" 465 banned :You are banned from this server: flooding (until tomorrow)");
                c.awaitContains("ERROR :Closing link:");
                c.awaitClosed();
                assertThat(c.received(" 001 ")).isFalse();
            }
            try (IrcTestClient ok = IrcTestClient.registered(s.port(), "fine")) {
                assertThat(ok.received(" 001 fine ")).isTrue();
            }
        }
    }

    @Test
    void listenersSeeTheRoomsLife() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ChatServer s = TestServer.start()) {
            s.context().events().add(new ChatListener() {
                @Override
                public void joined(String nick, String room) {
                    seen.add("join " + nick + " " + room);
                }

                @Override
                public void roomMessage(String nick, String room, String text) {
                    seen.add("msg " + nick + " " + room + " " + text);
                }

                @Override
                public void quit(String nick, String reason) {
                    seen.add("quit " + nick + " " + reason);
                }

                @Override
                public void nickChanged(String oldNick, String newNick) {
                    seen.add("nick " + oldNick + " " + newNick);
                }
            });
            try (IrcTestClient a = IrcTestClient.registered(s.port(), "ann")) {
                a.send("PRIVMSG #lobby :hello");
                a.send("NICK anna");
                a.send("QUIT :bye");
                a.awaitClosed();
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> seen.contains("quit anna Quit: bye"));
            assertThat(seen).containsSubsequence("join ann #lobby", "msg ann #lobby hello", "nick ann anna",
                    "quit anna Quit: bye");
        }
    }
}
