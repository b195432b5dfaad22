package org.chatroom.client;

import org.chatroom.server.support.TestServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent.ConnectionState.Status;
import org.chatroom.server.ChatServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each kind of event, against our daemon in-process. */
@Timeout(30)
class ChatClientEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private ChatServer server;
    private Clients clients;
    private final EventLog aliceLog = new EventLog();
    private final EventLog bobLog = new EventLog();
    private ChatClient alice;
    private ChatClient bob;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        clients = new Clients();
        alice = clients.client(clients.config(server.port(), "alice").build(), aliceLog);
        bob = clients.client(clients.config(server.port(), "bob").build(), bobLog);
        assertThat(alice.connect().get(5, TimeUnit.SECONDS)).isEqualTo("alice");
        assertThat(bob.connect().get(5, TimeUnit.SECONDS)).isEqualTo("bob");
        await().atMost(WAIT).until(() -> alice.members("#lobby").contains("bob"));
    }

    @AfterEach
    void stop() {
        clients.close();
        server.close();
    }

    @Test
    void connectingReportsStatesAndJoinsTheDefaultRoom() {
        assertThat(aliceLog.states()).startsWith(Status.CONNECTING, Status.CONNECTED);
        assertThat(aliceLog.of(ChatEvent.Joined.class, j -> j.self() && j.room().equals("#lobby"))).hasSize(1);
        assertThat(aliceLog.of(ChatEvent.Topic.class, t -> t.room().equals("#lobby") && !t.changed())).isNotEmpty();
        assertThat(aliceLog.of(ChatEvent.Names.class, n -> n.room().equals("#lobby"))).isNotEmpty();
        assertThat(alice.rooms()).containsExactly("#lobby");
        assertThat(alice.isConnected()).isTrue();
        assertThat(alice.enabledCapabilities()).contains("server-time", "echo-message");
        assertThat(aliceLog.of(ChatEvent.Joined.class, j -> j.nick().equals("bob") && !j.self())).hasSize(1);
    }

    @Test
    void roomMessageReachesOthersAndIsEchoedOnce() {
        assertThat(alice.say("#lobby", "hello room")).isTrue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(bobLog.of(ChatEvent.RoomMessage.class))
                .singleElement().satisfies(m -> {
                    assertThat(m.room()).isEqualTo("#lobby");
                    assertThat(m.nick()).isEqualTo("alice");
                    assertThat(m.text()).isEqualTo("hello room");
                    assertThat(m.self()).isFalse();
                }));
        marker(alice, aliceLog);
        assertThat(aliceLog.of(ChatEvent.RoomMessage.class)).singleElement()
                .satisfies(m -> assertThat(m.self()).isTrue());
    }

    @Test
    void privateMessageActionAndNotice() {
        alice.say("bob", "psst");
        alice.action("#lobby", "waves");
        alice.notice("bob", "fyi");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(bobLog.of(ChatEvent.PrivateMessage.class)).singleElement().satisfies(m -> {
                assertThat(m.from()).isEqualTo("alice");
                assertThat(m.peer()).isEqualTo("alice");
                assertThat(m.text()).isEqualTo("psst");
            });
            assertThat(bobLog.of(ChatEvent.Action.class)).singleElement().satisfies(a -> {
                assertThat(a.target()).isEqualTo("#lobby");
                assertThat(a.inRoom()).isTrue();
                assertThat(a.nick()).isEqualTo("alice");
                assertThat(a.text()).isEqualTo("waves");
            });
            assertThat(bobLog.of(ChatEvent.Notice.class, n -> !n.fromServer())).singleElement().satisfies(n -> {
                assertThat(n.from()).isEqualTo("alice");
                assertThat(n.text()).isEqualTo("fyi");
            });
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(aliceLog.of(ChatEvent.PrivateMessage.class))
                .singleElement().satisfies(m -> {
                    assertThat(m.self()).isTrue();
                    assertThat(m.peer()).isEqualTo("bob");
                }));
    }

    @Test
    void joinPartAndNamesTrackMembers() {
        alice.join("#dev");
        await().atMost(WAIT).until(() -> alice.rooms().contains("#dev"));
        bob.join("#dev");
        await().atMost(WAIT).untilAsserted(() -> assertThat(alice.members("#dev")).containsExactlyInAnyOrder("alice", "bob"));
        assertThat(bobLog.of(ChatEvent.Names.class, n -> n.room().equals("#dev"))).singleElement()
                .satisfies(n -> assertThat(n.nicks()).containsExactlyInAnyOrder("alice", "bob"));

        bob.part("#dev", "lunch");
        await().atMost(WAIT).untilAsserted(() -> assertThat(aliceLog.of(ChatEvent.Parted.class)).singleElement()
                .satisfies(p -> {
                    assertThat(p.nick()).isEqualTo("bob");
                    assertThat(p.room()).isEqualTo("#dev");
                    assertThat(p.reason()).isEqualTo("lunch");
                }));
        assertThat(alice.members("#dev")).containsExactly("alice");
        await().atMost(WAIT).until(() -> !bob.rooms().contains("#dev"));

        alice.names("#lobby");
        await().atMost(WAIT).untilAsserted(() -> assertThat(aliceLog.of(ChatEvent.Names.class, n -> n.room().equals("#lobby")))
                .hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void topicIsReportedWhenSetAndWhenAsked() {
        alice.join("#plans"); // the creator is the room's operator, so may set the topic
        await().atMost(WAIT).until(() -> alice.rooms().contains("#plans"));
        bob.join("#plans");
        await().atMost(WAIT).until(() -> bob.rooms().contains("#plans"));
        alice.topic("#plans", "release day");
        await().atMost(WAIT).untilAsserted(() -> assertThat(bobLog.of(ChatEvent.Topic.class, ChatEvent.Topic::changed))
                .singleElement().satisfies(t -> {
                    assertThat(t.topic()).isEqualTo("release day");
                    assertThat(t.setBy()).isEqualTo("alice");
                }));
        bob.topic("#plans");
        await().atMost(WAIT).untilAsserted(() -> assertThat(bobLog.of(ChatEvent.Topic.class,
                t -> !t.changed() && t.room().equals("#plans") && t.topic().equals("release day"))).hasSize(1));
    }

    @Test
    void kickFromARoomKeepsTheConnection() {
        alice.join("#ops"); // creator: operator
        await().atMost(WAIT).until(() -> alice.rooms().contains("#ops"));
        bob.join("#ops");
        await().atMost(WAIT).until(() -> bob.rooms().contains("#ops"));

        alice.send(org.chatroom.protocol.IrcMessage.of("KICK", "#ops", "bob", "behave"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(bobLog.of(ChatEvent.Kicked.class)).singleElement()
                .satisfies(k -> {
                    assertThat(k.self()).isTrue();
                    assertThat(k.room()).isEqualTo("#ops");
                    assertThat(k.by()).isEqualTo("alice");
                    assertThat(k.reason()).isEqualTo("behave");
                }));
        assertThat(bob.rooms()).containsExactly("#lobby");
        marker(bob, bobLog);
        assertThat(bob.isConnected()).isTrue();
        assertThat(bobLog.states()).doesNotContain(Status.DISCONNECTED, Status.RECONNECTING);
        await().atMost(WAIT).until(() -> !alice.members("#ops").contains("bob"));
    }

    @Test
    void nickChangeIsSeenByBothSides() {
        bob.changeNick("robert");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(aliceLog.of(ChatEvent.NickChanged.class)).singleElement().satisfies(n -> {
                assertThat(n.oldNick()).isEqualTo("bob");
                assertThat(n.newNick()).isEqualTo("robert");
                assertThat(n.self()).isFalse();
            });
            assertThat(bobLog.of(ChatEvent.NickChanged.class)).singleElement()
                    .satisfies(n -> assertThat(n.self()).isTrue());
        });
        assertThat(bob.nick()).isEqualTo("robert");
        assertThat(alice.members("#lobby")).contains("robert").doesNotContain("bob");
    }

    @Test
    void quitIsReportedToOthersWithReasonAndRooms() throws Exception {
        var end = bob.quit("see you").get(5, TimeUnit.SECONDS);
        assertThat(end.status()).isEqualTo(Status.DISCONNECTED);
        assertThat(end.cause()).isEqualTo(DisconnectCause.USER_QUIT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(aliceLog.of(ChatEvent.Quit.class)).singleElement()
                .satisfies(q -> {
                    assertThat(q.nick()).isEqualTo("bob");
                    assertThat(q.reason()).contains("see you");
                    assertThat(q.rooms()).containsExactly("#lobby");
                }));
        assertThat(alice.members("#lobby")).doesNotContain("bob");
    }

    @Test
    void refusalsBecomeServerErrors() {
        alice.say("nobody", "hello?");
        await().atMost(WAIT).untilAsserted(() -> assertThat(aliceLog.of(ChatEvent.ServerError.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("401");
                    assertThat(e.text()).startsWith("nobody");
                }));
    }

    @Test
    void awayReplyIsShownToSender() {
        bob.away("at lunch");
        marker(bob, bobLog);
        alice.say("bob", "there?");
        await().atMost(WAIT).untilAsserted(() -> assertThat(aliceLog.of(ChatEvent.ServerInfo.class,
                i -> i.code().equals("301"))).singleElement().satisfies(i -> assertThat(i.text()).contains("at lunch")));
        assertThat(bob.isAway()).isTrue();
    }

    @Test
    void longAndMultiLineTextIsSentInPieces() {
        String longText = "word ".repeat(200).strip();
        alice.say("#lobby", "one\ntwo");
        alice.say("#lobby", longText);
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> texts = bobLog.of(ChatEvent.RoomMessage.class).stream().map(ChatEvent.RoomMessage::text).toList();
            assertThat(texts).startsWith("one", "two");
            assertThat(String.join(" ", texts.subList(2, texts.size()))).isEqualTo(longText);
            assertThat(texts.size()).isGreaterThan(3);
        });
    }

    @Test
    void sendingWhileNotConnectedReturnsFalse() {
        ChatClient idle = clients.client(clients.config(server.port(), "idle").build(), new EventLog());
        assertThat(idle.say("#lobby", "hi")).isFalse();
        assertThat(idle.isConnected()).isFalse();
    }

    /**
     * Waits for a round trip through the server (a message to a nick nobody has, answered by 401),
     * so that everything the server sent before has arrived.
     */
    static void marker(ChatClient client, EventLog log) {
        String token = "m" + Long.toString(System.nanoTime(), 36);
        assertThat(client.say(token, "marker")).isTrue();
        await().atMost(WAIT).until(() -> !log.of(ChatEvent.ServerError.class, e -> e.text().startsWith(token)).isEmpty());
    }
}
