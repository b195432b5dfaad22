package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.ChatEvent.ConnectionState.Status;
import org.chatroom.client.ChatEvent.HistoryKind;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.ChatServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * History against the real daemon and its SQLite file: the latest lines on joining, the gap after a
 * daemon restart filled with what was said meanwhile (page after page, nothing twice), older pages.
 * The gap is made certain by restarting the daemon on the same data folder but another port while our
 * client waits to reconnect, letting someone talk there, and only then restarting on the client's port.
 */
@Timeout(90)
class HistoryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final ChatServerExtension daemon = ChatServerExtension.plain();
    private final Clients clients = new Clients();

    @AfterEach
    void stop() {
        clients.close();
    }

    private ChatClient connected(int port, String nick, int historyLines, EventLog log) throws Exception {
        ChatClient c = clients.client(clients.config(port, nick).historyLines(historyLines).build(), log);
        c.connect().get(10, TimeUnit.SECONDS);
        return c;
    }

    private void say(int port, String nick, String... lines) throws Exception {
        ChatClient c = connected(port, nick, 0, new EventLog());
        for (String l : lines) {
            c.say("#lobby", l);
        }
        StoredHistory.awaitLine(port, "#lobby", lines[lines.length - 1]);
        c.quit("").get(5, TimeUnit.SECONDS);
    }

    private static List<String> texts(List<ChatEvent.History> batches) {
        List<String> out = new ArrayList<>();
        for (ChatEvent.History h : batches) {
            for (ChatEvent e : h.lines()) {
                out.add(((ChatEvent.RoomMessage) e).text());
            }
        }
        return out;
    }

    @Test
    void joiningShowsTheLatestLinesAsHistoryWithTheirTimes() throws Exception {
        ChatServer server = daemon.start();
        say(server.port(), "bob", "one", "two", "three");
        EventLog log = new EventLog();
        ChatClient alice = connected(server.port(), "alice", 2, log);
        assertThat(alice.hasHistory()).isTrue();
        await().atMost(WAIT).until(() -> !log.of(ChatEvent.History.class).isEmpty());
        ChatEvent.History h = log.of(ChatEvent.History.class).get(0);
        assertThat(h.kind()).isEqualTo(HistoryKind.JOINED);
        assertThat(h.target()).isEqualToIgnoringCase("#lobby");
        assertThat(texts(List.of(h))).containsExactly("two", "three");
        assertThat(h.lines()).allSatisfy(e -> assertThat(e.time()).isBefore(h.time()));
        assertThat(log.of(ChatEvent.RoomMessage.class)).as("history is not shown as live lines").isEmpty();

        assertThat(alice.history("#lobby", 5)).isTrue();
        await().atMost(WAIT).until(() -> log.of(ChatEvent.History.class).size() == 2);
        ChatEvent.History older = log.of(ChatEvent.History.class).get(1);
        assertThat(older.kind()).isEqualTo(HistoryKind.OLDER);
        assertThat(texts(List.of(older))).containsExactly("one");
        assertThat(alice.history("#lobby", 5)).isTrue();
        await().atMost(WAIT).until(() -> log.of(ChatEvent.History.class).size() == 3);
        assertThat(log.of(ChatEvent.History.class).get(2).lines()).as("nothing older").isEmpty();
    }

    @Test
    void afterADaemonRestartTheGapIsFilledPageByPageWithoutRepeats() throws Exception {
        ChatServer server = daemon.start();
        int port = server.port();
        EventLog log = new EventLog();
        ChatClient alice = connected(port, "alice", 5, log);
        say(port, "bob", "before the restart");
        await().atMost(WAIT).until(() -> !log.of(ChatEvent.RoomMessage.class).isEmpty());

        server.close();
        await().atMost(WAIT).until(() -> log.states().contains(Status.RECONNECTING));
        ChatServer elsewhere = daemon.start(Map.of("port", "0")); // same data folder; alice cannot reach this port
        List<String> said = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            said.add("while you were away " + i);
        }
        say(elsewhere.port(), "bob", said.toArray(String[]::new));
        daemon.start(Map.of("port", Integer.toString(port)));

        await().atMost(Duration.ofSeconds(20)).until(() -> log.of(ConnectionState.class,
                s -> s.status() == Status.CONNECTED).size() == 2);
        await().atMost(WAIT).until(() -> texts(log.of(ChatEvent.History.class)).size() >= 12);
        List<ChatEvent.History> batches = log.of(ChatEvent.History.class);
        assertThat(batches).allSatisfy(b -> assertThat(b.kind()).isEqualTo(HistoryKind.MISSED));
        assertThat(batches.size()).as("pages of 5").isGreaterThanOrEqualTo(3);
        assertThat(texts(batches)).containsExactlyElementsOf(said);
        assertThat(alice.rooms()).contains("#lobby");
    }

    @Test
    void aPrivateMessageToAnAccountWhileItWasAwayIsShownOnceAfterTheRestart() throws Exception {
        ChatServer server = daemon.start();
        int port = server.port();
        EventLog log = new EventLog();
        ChatClient alice = clients.client(clients.config(port, "alice")
                .credentials(new Credentials("alice", "alice-password", true)).build(), log);
        alice.connect().get(10, TimeUnit.SECONDS);
        ChatClient bob = clients.client(clients.config(port, "bob").reconnect(false)
                .credentials(new Credentials("bob", "bob-password", true)).build(), new EventLog());
        bob.connect().get(10, TimeUnit.SECONDS);
        bob.say("alice", "are you there?");
        await().atMost(WAIT).until(() -> !log.of(ChatEvent.PrivateMessage.class).isEmpty());
        bob.quit("").get(5, TimeUnit.SECONDS);

        server.close();
        await().atMost(WAIT).until(() -> log.states().contains(Status.RECONNECTING));
        ChatServer elsewhere = daemon.start(Map.of("port", "0"));
        ChatClient bobAgain = clients.client(clients.config(elsewhere.port(), "bob").reconnect(false)
                .credentials(new Credentials("bob", "bob-password", false)).build(), new EventLog());
        bobAgain.connect().get(10, TimeUnit.SECONDS);
        bobAgain.say("alice", "said while you were away");
        bobAgain.quit("").get(5, TimeUnit.SECONDS);
        daemon.start(Map.of("port", Integer.toString(port)));

        await().atMost(Duration.ofSeconds(20)).until(() -> privateTexts(log).contains("said while you were away"));
        await().atMost(WAIT).until(() -> log.of(ConnectionState.class, s -> s.status() == Status.CONNECTED).size() == 2);
        // the server answers in order: once this older page is here, the gap fill asked at reconnect has been answered
        assertThat(alice.history("bob", 5)).isTrue();
        await().atMost(WAIT).until(() -> log.of(ChatEvent.History.class).stream().anyMatch(h -> h.kind() == HistoryKind.OLDER));
        assertThat(privateTexts(log)).containsExactly("are you there?", "said while you were away");
    }

    /** Every private text alice saw, live or from history, in order. */
    private static List<String> privateTexts(EventLog log) {
        List<String> out = new ArrayList<>();
        for (ChatEvent e : log.all()) {
            if (e instanceof ChatEvent.PrivateMessage m) {
                out.add(m.text());
            } else if (e instanceof ChatEvent.History h) {
                h.lines().forEach(l -> out.add(((ChatEvent.PrivateMessage) l).text()));
            }
        }
        return out;
    }
}
