package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.ChatEvent.ConnectionState.Status;
import org.chatroom.protocol.IrcMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour that needs a server to say something on cue, or to say it differently from our daemon:
 * a kick from one room only (room operators come with issue 8), ERROR texts of other servers, a server
 * that lingers after ERROR, old timestamps, no CAP support. Kicks and bans by our daemon's admin
 * socket are tested for real in {@link KickAndBanTest}.
 */
@Timeout(30)
class ScriptedServerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Clients clients = new Clients();
    private FakeIrcServer fake;

    @AfterEach
    void stop() throws Exception {
        clients.close();
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void kickedOffTheServerDoesNotReconnect() throws Exception {
        fake = new FakeIrcServer((n, w) -> {
            w.send(":fake KICK #lobby ivan :flooding");
            w.send("ERROR :Closing link: ivan[127.0.0.1] (Kicked: flooding)");
            w.close();
        });
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(fake.port(), "ivan").build(), log);
        c.connect();
        ConnectionState end = c.terminated().get(5, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.KICKED);
        assertThat(end.reason()).contains("Kicked: flooding");
        assertThat(log.of(ChatEvent.Kicked.class)).singleElement().satisfies(k -> {
            assertThat(k.self()).isTrue();
            assertThat(k.room()).isEqualTo("#lobby");
            assertThat(k.by()).isEqualTo("fake");
            assertThat(k.reason()).isEqualTo("flooding");
        });
        assertThat(log.states()).doesNotContain(Status.RECONNECTING);
        assertThat(fake.accepted()).isEqualTo(1);
    }

    @Test
    void errorEndsTheConnectionEvenIfTheServerLingers() throws Exception {
        fake = new FakeIrcServer((n, w) -> w.send("ERROR :Closing link: quin[127.0.0.1] (Killed: by admin)"));
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(fake.port(), "quin").build(), log);
        c.connect();
        ConnectionState end = c.terminated().get(5, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.KICKED);
        assertThat(end.reason()).isEqualTo("Closing link: quin[127.0.0.1] (Killed: by admin)");
        // said once, by the final state, not also as a server error
        assertThat(log.of(ChatEvent.ServerError.class, e -> e.code().equals("ERROR"))).isEmpty();
    }

    @Test
    void kickFromOneRoomKeepsTheConnection() throws Exception {
        fake = new FakeIrcServer((n, w) -> {
            w.send(":fake KICK #lobby judy :behave");
            w.send(":fake NOTICE judy :still here");
        });
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(fake.port(), "judy").build(), log);
        c.connect();
        await().atMost(WAIT).until(() -> !log.of(ChatEvent.Notice.class).isEmpty());
        assertThat(log.of(ChatEvent.Kicked.class)).singleElement().satisfies(k -> assertThat(k.self()).isTrue());
        assertThat(c.rooms()).isEmpty();
        assertThat(c.isConnected()).isTrue();
    }

    @Test
    void bannedDoesNotReconnect() throws Exception {
        fake = new FakeIrcServer((n, w) -> {
            w.send(":fake 465 kim :You are banned from this server: spam");
            w.send("ERROR :Closing link: kim[127.0.0.1] (Banned: spam)");
            w.close();
        });
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(fake.port(), "kim").build(), log);
        c.connect();
        ConnectionState end = c.terminated().get(5, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.BANNED);
        assertThat(end.reason()).contains("Banned: spam");
        assertThat(log.of(ChatEvent.ServerError.class, e -> e.code().equals("465"))).hasSize(1);
        assertThat(log.states()).doesNotContain(Status.RECONNECTING);
        assertThat(fake.accepted()).isEqualTo(1);
    }

    @Test
    void lostConnectionReconnectsWithTheSameScript() throws Exception {
        fake = new FakeIrcServer((n, w) -> {
            if (n == 1) {
                w.close();
            }
        });
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(fake.port(), "leo").build(), log);
        c.connect();
        await().atMost(WAIT).until(() -> fake.accepted() == 2 && log.states().contains(Status.CONNECTED));
        assertThat(log.states()).containsSubsequence(Status.CONNECTING, Status.RECONNECTING, Status.CONNECTING,
                Status.CONNECTED);
        // the room we were in is joined again: the fake puts us in #lobby, so nothing is missing
        assertThat(c.rooms()).containsExactly("#lobby");
    }

    @Test
    void serverTimeTagSetsTheEventTime() throws Exception {
        fake = new FakeIrcServer((n, w) ->
                w.send("@time=2020-01-02T03:04:05.678Z :mia!m@h PRIVMSG #lobby :from the past"));
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(fake.port(), "ned").build(), log);
        c.connect();
        await().atMost(WAIT).untilAsserted(() -> assertThat(log.of(ChatEvent.RoomMessage.class)).singleElement()
                .satisfies(m -> assertThat(m.time()).isEqualTo(Instant.parse("2020-01-02T03:04:05.678Z"))));
    }

    @Test
    void linesReplayedOnJoinByAServerWeDidNotAskAreHistory() throws Exception {
        fake = new FakeIrcServer((n, w) -> {
            w.send("@time=2026-01-01T10:00:00.000Z :pia!u@h JOIN #dev");
            w.send("@time=2026-01-01T09:00:00.000Z;msgid=m1 :mia!m@h PRIVMSG #dev :said before the join");
            w.send("BATCH +r1 chathistory #dev");
            w.send("@batch=r1;time=2026-01-01T09:30:00.000Z;msgid=m2 :mia!m@h PRIVMSG #dev :in a batch");
            w.send("@batch=r1;time=2026-01-01T09:00:00.000Z;msgid=m1 :mia!m@h PRIVMSG #dev :said before the join");
            w.send("BATCH -r1");
            w.send("@time=2026-01-01T10:00:01.000Z;msgid=m3 :mia!m@h PRIVMSG #dev :live");
        });
        EventLog log = new EventLog();
        clients.client(clients.config(fake.port(), "pia").build(), log).connect();
        await().atMost(WAIT).untilAsserted(() -> assertThat(log.of(ChatEvent.RoomMessage.class)).hasSize(1));
        assertThat(log.of(ChatEvent.RoomMessage.class).get(0).text()).isEqualTo("live");
        List<ChatEvent.History> history = log.of(ChatEvent.History.class);
        assertThat(history).hasSize(2).allSatisfy(h -> assertThat(h.kind()).isEqualTo(ChatEvent.HistoryKind.JOINED));
        assertThat(history.stream().flatMap(h -> h.lines().stream()).map(e -> ((ChatEvent.RoomMessage) e).text()))
                .as("the repeat in the batch is dropped by its msgid").containsExactly("said before the join", "in a batch");
    }

    @Test
    void withoutEchoMessageOwnMessagesAreEchoedLocally() throws Exception {
        fake = new FakeIrcServer((n, w) -> { });
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(fake.port(), "olga").build(), log);
        c.connect().get(5, TimeUnit.SECONDS);
        assertThat(c.enabledCapabilities()).isEmpty();
        assertThat(c.say("#lobby", "hi")).isTrue();
        assertThat(c.action("#lobby", "smiles")).isTrue();
        assertThat(log.of(ChatEvent.RoomMessage.class)).singleElement().satisfies(m -> {
            assertThat(m.self()).isTrue();
            assertThat(m.nick()).isEqualTo("olga");
        });
        assertThat(log.of(ChatEvent.Action.class)).singleElement().satisfies(a -> assertThat(a.self()).isTrue());
        await().atMost(WAIT).untilAsserted(() -> assertThat(fake.received()).contains(
                IrcMessage.of("PRIVMSG", "#lobby", "hi"), IrcMessage.of("PRIVMSG", "#lobby", "\u0001ACTION smiles\u0001")));
    }

    @Test
    void answersServerPing() throws Exception {
        fake = new FakeIrcServer((n, w) -> w.send("PING :are-you-there"));
        ChatClient c = clients.client(clients.config(fake.port(), "pat").build(), new EventLog());
        c.connect();
        await().atMost(WAIT).untilAsserted(() -> assertThat(fake.received())
                .contains(IrcMessage.of("PONG", "are-you-there")));
    }
}
