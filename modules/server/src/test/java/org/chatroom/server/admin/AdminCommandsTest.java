package org.chatroom.server.admin;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.AdminTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** list, info, nicks, rooms, kick, say, topic and stats against a real daemon and real IRC clients. */
@Timeout(30)
class AdminCommandsTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();
    private ChatServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = fx.start();
    }


    @Test
    void listShowsEveryConnectedUserLikeClientList() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(fx.port(), "bob");
             AdminTestClient a = fx.admin()) {
            alice.send("PRIVMSG #lobby :hello");
            bob.awaitContains("PRIVMSG #lobby :hello");
            AdminTestClient.Reply r = a.call("list");
            assertThat(r.ok()).isTrue();
            assertThat(r.body()).hasSize(2);
            assertThat(r.body().get(0)).matches("nick=alice user=~?alice@127\\.0\\.0\\.1 addr=127\\.0\\.0\\.1:\\d+ rooms=#lobby "
                    + "since=\\S+Z age=\\d+ idle=\\d+ msgs=1 tls=no");
            assertThat(r.body().get(1)).startsWith("nick=bob ").contains(" msgs=0 ");

            String json = a.call("list --json").body().get(0);
            assertThat(json).startsWith("[{\"nick\":\"alice\"").contains("\"rooms\":[\"#lobby\"]").contains("\"tls\":false")
                    .contains("{\"nick\":\"bob\"");
        }
    }

    @Test
    void infoShowsOneUserInFull() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice");
             AdminTestClient a = fx.admin()) {
            alice.send("AWAY :lunch");
            alice.awaitContains(" 306 ");
            AdminTestClient.Reply r = a.call("info ALICE");
            assertThat(r.body()).contains("nick=alice", "rooms=#lobby", "away=lunch", "realname=alice Test", "tls=no")
                    .anyMatch(l -> l.matches("addr=127\\.0\\.0\\.1:\\d+"));
            assertThat(a.call("info --json alice").body().get(0)).contains("\"away\":\"lunch\"");
        }
    }

    @Test
    void nicksAndRoomsListWhatIsThere() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(fx.port(), "Bob");
             AdminTestClient a = fx.admin()) {
            alice.send("JOIN #dev");
            alice.awaitContains(" 366 alice #dev ");
            assertThat(a.call("nicks").body()).containsExactly("alice", "Bob");
            assertThat(a.call("rooms").body()).containsExactly(
                    "room=#dev members=1 topic_by= topic=",
                    "room=#lobby members=2 topic_by=chat.localhost topic=Welcome to Chatroom");
        }
    }

    @Test
    void kickedUserAndBystanderBothSeeTheReason() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice");
             IrcTestClient troll = IrcTestClient.registered(fx.port(), "troll");
             AdminTestClient a = fx.admin()) {
            AdminTestClient.Reply r = a.call("kick troll \"spamming links\"");
            assertThat(r.ok()).isTrue();
            assertThat(r.body()).containsExactly("kicked troll");
            troll.awaitContains(":chat.localhost KICK #lobby troll :spamming links");
            troll.awaitContains("ERROR :Closing link:");
            troll.awaitContains("spamming links");
            troll.awaitClosed();
            alice.awaitContains(":chat.localhost KICK #lobby troll :spamming links");
            assertThat(a.call("list").body()).hasSize(1);
        }
    }

    @Test
    void kickReasonNeedsNoQuotes() throws Exception {
        try (IrcTestClient troll = IrcTestClient.registered(fx.port(), "troll");
             AdminTestClient a = fx.admin()) {
            assertThat(a.call("kick troll calm down please").ok()).isTrue();
            troll.awaitContains(":chat.localhost KICK #lobby troll :calm down please");
        }
    }

    @Test
    void sayReachesEveryUser() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(fx.port(), "bob");
             AdminTestClient a = fx.admin()) {
            AdminTestClient.Reply r = a.call("say maintenance at 18:00, back by \"18:10\"");
            assertThat(r.body()).containsExactly("sent to 2 users");
            alice.awaitContains(":chat.localhost NOTICE alice :maintenance at 18:00, back by 18:10");
            bob.awaitContains(":chat.localhost NOTICE bob :maintenance at 18:00, back by 18:10");
        }
    }

    @Test
    void topicIsSetAsTheServer() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice");
             AdminTestClient a = fx.admin()) {
            assertThat(a.call("topic #LOBBY Release party tonight").ok()).isTrue();
            alice.awaitContains(":chat.localhost TOPIC #lobby :Release party tonight");
            assertThat(server.registry().rooms().get("#lobby").topic().text()).isEqualTo("Release party tonight");
        }
    }

    @Test
    void statsCountersMove() throws Exception {
        try (AdminTestClient a = fx.admin()) {
            AdminTestClient.Reply before = a.call("stats");
            assertThat(before.body()).contains("connections=0", "users=0", "rooms=1")
                    .anyMatch(l -> l.startsWith("uptime="))
                    .anyMatch(l -> l.startsWith("heap_used="))
                    .anyMatch(l -> l.startsWith("heap_max="))
                    .anyMatch(l -> l.startsWith("slow_clients_dropped="))
                    .anyMatch(l -> l.startsWith("lines_refused="));
            long inBefore = field(before, "messages_in");
            try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice");
                 IrcTestClient bob = IrcTestClient.registered(fx.port(), "bob")) {
                alice.send("PRIVMSG #lobby :one");
                bob.awaitContains(":one");
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    AdminTestClient.Reply after = a.call("stats");
                    assertThat(after.body()).contains("connections=2", "connections_peak=2", "users=2");
                    assertThat(field(after, "messages_in")).isGreaterThan(inBefore);
                    assertThat(field(after, "bytes_in")).isPositive();
                    assertThat(field(after, "bytes_out")).isPositive();
                    assertThat(field(after, "connections_total")).isEqualTo(2);
                });
            }
        }
    }

    private static long field(AdminTestClient.Reply r, String key) {
        return r.body().stream().filter(l -> l.startsWith(key + "=")).map(l -> Long.parseLong(l.substring(key.length() + 1)))
                .findFirst().orElseThrow();
    }
}
