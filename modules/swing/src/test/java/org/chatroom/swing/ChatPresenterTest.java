package org.chatroom.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatroom.swing.Events.T;
import static org.chatroom.swing.Events.connected;
import static org.chatroom.swing.Events.disconnected;
import static org.chatroom.swing.Events.joined;
import static org.chatroom.swing.Events.names;
import static org.chatroom.swing.Events.reconnecting;
import static org.chatroom.swing.Events.said;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.DisconnectCause;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatPresenterTest {
    private TestUi ui;
    private FakeGateways gateways;
    private ChatModel model;
    private ChatPresenter presenter;
    private Clock clock = Clock.fixed(T, ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        ui = new TestUi();
        gateways = new FakeGateways();
        model = new ChatModel(ui, 100);
        presenter = new ChatPresenter(model, ui, gateways, () -> clock.instant());
    }

    /** Plays the server's events through the connection's listener, as the client thread would. */
    private void play(ChatEvent... events) {
        for (ChatEvent e : events) {
            gateways.last().emit(e);
        }
        ui.drain();
    }

    private void connectToLobby() {
        presenter.connect("gina", false);
        play(joined("#lobby", "gina", true), names("#lobby", "gina", "@admin", "bob"), connected("gina"));
    }

    private static List<String> texts(Conversation c) {
        return c.lines().stream().map(ChatLine::plain).toList();
    }

    @Test
    void joiningARoomOpensAndSelectsItsTabWithMembers() {
        connectToLobby();

        Conversation lobby = model.find("#lobby");
        assertThat(model.selected()).isSameAs(lobby);
        assertThat(lobby.members()).containsExactly("@admin", "bob", "gina");
        assertThat(model.status()).isEqualTo("connected as gina to chat.test:6667");
        assertThat(model.banner()).isNull();
    }

    @Test
    void messagesLandInTheirTabAndCountAsUnreadWhenNotShowing() {
        connectToLobby();
        play(joined("#dev", "gina", true));
        assertThat(model.selected().name()).isEqualTo("#dev");

        play(said("#lobby", "bob", "hi there", false), said("#lobby", "bob", "gina: you around?", false));

        Conversation lobby = model.find("#lobby");
        assertThat(texts(lobby)).contains("<bob> hi there", "<bob> gina: you around?");
        assertThat(lobby.unread()).isEqualTo(2);
        assertThat(lobby.mentioned()).isTrue();
        presenter.select(lobby);
        assertThat(lobby.unread()).isZero();
        assertThat(lobby.mentioned()).isFalse();
    }

    @Test
    void ownMessagesActionsAndNoticesGetTheirKinds() {
        connectToLobby();
        play(said("#lobby", "gina", "mine", true),
                new ChatEvent.Action(T, "#lobby", "bob", "waves", false),
                new ChatEvent.Notice(T, "bob", "#lobby", "psst", false));

        List<ChatLine> lines = model.find("#lobby").lines();
        assertThat(lines).extracting(ChatLine::kind).contains(LineKind.OWN_MESSAGE, LineKind.ACTION, LineKind.NOTICE);
        assertThat(lines.get(lines.size() - 2).plain()).isEqualTo("* bob waves");
    }

    @Test
    void joinsPartsQuitsKicksAndNickChangesAreMutedLinesAndUpdateMembers() {
        connectToLobby();
        play(joined("#lobby", "carol", false),
                new ChatEvent.NickChanged(T, "carol", "caro", false),
                new ChatEvent.Parted(T, "#lobby", "bob", "lunch", false),
                new ChatEvent.Kicked(T, "#lobby", "caro", "admin", "spam", false),
                new ChatEvent.Quit(T, "admin", "bye", List.of("#lobby")));

        Conversation lobby = model.find("#lobby");
        assertThat(lobby.members()).containsExactly("gina");
        assertThat(texts(lobby)).contains("carol joined", "carol is now known as caro", "bob left (lunch)",
                "caro was kicked by admin (spam)", "admin quit (bye)");
        assertThat(lobby.lines()).filteredOn(l -> l.text().contains("joined") || l.text().contains("left"))
                .extracting(ChatLine::kind).containsOnly(LineKind.EVENT);
        assertThat(lobby.unread()).isZero();
    }

    @Test
    void enterSendsToTheSelectedRoomAndSlashCommandsMatchTheConsole() {
        connectToLobby();

        presenter.submit("hello all");
        presenter.submit("//etc/passwd is a path");
        presenter.submit("/me waves");
        presenter.submit("/topic Friday release");
        presenter.submit("/nick gina2");
        presenter.submit("/away lunch");
        presenter.submit("/names");

        assertThat(gateways.last().sent).containsExactly("say #lobby hello all", "say #lobby /etc/passwd is a path",
                "action #lobby waves", "topic #lobby Friday release", "nick gina2", "away lunch", "names #lobby");
        assertThat(presenter.history().entries()).contains("hello all", "/me waves");
    }

    @Test
    void msgOpensAPrivateTabAndPlainTextThereGoesToThePeer() {
        connectToLobby();

        presenter.submit("/msg bob psst");
        assertThat(model.selected().name()).isEqualTo("bob");
        assertThat(model.selected().type()).isEqualTo(Conversation.Type.PRIVATE);
        presenter.submit("are you there?");
        play(new ChatEvent.PrivateMessage(T, "bob", "gina", "yes", false));

        assertThat(gateways.last().sent).containsExactly("say bob psst", "say bob are you there?");
        assertThat(texts(model.find("bob"))).containsExactly("<bob> yes");
    }

    @Test
    void incomingPrivateMessageOpensATabMarkedAsMention() {
        connectToLobby();
        play(new ChatEvent.PrivateMessage(T, "bob", "gina", "hey", false));

        Conversation bob = model.find("bob");
        assertThat(bob.unread()).isEqualTo(1);
        assertThat(bob.mentioned()).isTrue();
        assertThat(model.selected().name()).isEqualTo("#lobby");
    }

    @Test
    void privateTabFollowsThePeersNickChange() {
        connectToLobby();
        play(new ChatEvent.PrivateMessage(T, "bob", "gina", "hey", false), new ChatEvent.NickChanged(T, "bob", "robert", false));

        assertThat(model.find("bob")).isNull();
        assertThat(texts(model.find("robert"))).contains("bob is now known as robert");
    }

    @Test
    void badCommandsAnswerInTheSelectedTabAndSendNothing() {
        connectToLobby();

        presenter.submit("/frobnicate");
        presenter.submit("/nick bad nick");
        presenter.submit("/msg bob");
        presenter.submit("/join");

        assertThat(gateways.last().sent).isEmpty();
        assertThat(texts(model.find("#lobby"))).contains("unknown command /frobnicate, try /help", "usage: /msg NICK TEXT",
                "usage: /join ROOM");
    }

    @Test
    void joinOfARoomWeAreInSwitchesTabInsteadOfSending() {
        connectToLobby();
        play(joined("#dev", "gina", true));

        presenter.submit("/join lobby");

        assertThat(model.selected().name()).isEqualTo("#lobby");
        assertThat(gateways.last().sent).isEmpty();
        presenter.submit("/join #new");
        assertThat(gateways.last().sent).containsExactly("join #new");
    }

    @Test
    void textInTheServerTabExplainsWhatToDo() {
        presenter.connect("gina", false);
        play(connected("gina"));

        presenter.submit("hello?");

        assertThat(gateways.last().sent).isEmpty();
        assertThat(texts(model.serverTab())).contains("this is the server tab: /join a room, or /msg someone");
    }

    @Test
    void sendingWhileDisconnectedSaysItWasNotSent() {
        connectToLobby();
        gateways.last().connected = false;

        presenter.submit("anyone?");

        assertThat(texts(model.find("#lobby"))).contains("not connected: message not sent");
    }

    @Test
    void partingClosesTheRoomTab() {
        connectToLobby();
        presenter.submit("/part bye now");
        assertThat(gateways.last().sent).containsExactly("part #lobby bye now");

        play(new ChatEvent.Parted(T, "#lobby", "gina", "bye now", true));

        assertThat(model.find("#lobby")).isNull();
        assertThat(model.selected()).isSameAs(model.serverTab());
    }

    @Test
    void kickShowsTheBannerWithTheReasonAndReconnectRejoins() {
        connectToLobby();
        play(new ChatEvent.Kicked(T, "#lobby", "gina", "admin", "be nice", true),
                new ChatEvent.ServerError(T, "ERROR", "Closing link: kicked"),
                disconnected("kicked: be nice", DisconnectCause.KICKED));

        assertThat(model.banner()).isEqualTo(new Banner("You were kicked from #lobby by admin (be nice).", true));
        assertThat(model.status()).isEqualTo("disconnected (kicked: be nice)");
        assertThat(model.find("#lobby").joined()).isFalse();

        presenter.reconnect();

        assertThat(gateways.opened).hasSize(2);
        assertThat(gateways.opened.get(0).closed).isTrue();
        assertThat(gateways.last().rooms).containsExactly("#lobby");
        play(joined("#lobby", "gina", true), connected("gina"));
        assertThat(model.banner()).isNull();
        assertThat(model.find("#lobby").joined()).isTrue();
    }

    @Test
    void eventsFromAReplacedConnectionAreIgnored() {
        connectToLobby();
        FakeGateways.Fake old = gateways.last();
        presenter.reconnect();

        old.emit(said("#lobby", "bob", "stale", false));
        ui.drain();

        assertThat(texts(model.find("#lobby"))).doesNotContain("<bob> stale");
    }

    @Test
    void lostConnectionCountsDownToTheNextAttemptInTheStatusBar() {
        connectToLobby();
        play(reconnecting(1, Duration.ofSeconds(8), "connection to chat.test:6667 lost: reset"));

        assertThat(model.status()).isEqualTo("reconnecting in 8 s (connection to chat.test:6667 lost: reset)");
        assertThat(model.banner().message()).contains("Lost the connection").contains("reset");
        assertThat(model.banner().reconnect()).isTrue();

        clock = Clock.fixed(T.plusSeconds(3), ZoneOffset.UTC);
        presenter.tick();
        assertThat(model.status()).startsWith("reconnecting in 5 s");

        play(connected("gina"));
        assertThat(model.banner()).isNull();
    }

    @Test
    void refusedConnectionWithoutTheDialogKeepsTryingAndSaysWhyInTheBanner() {
        presenter.connect("gina", false);
        play(reconnecting(1, Duration.ofSeconds(2), "cannot connect to chat.test:6667: Connection refused"));

        assertThat(model.banner().message()).startsWith("Nothing answered at chat.test:6667")
                .endsWith("Trying again automatically.");
        assertThat(model.status()).startsWith("reconnecting in 2 s");
        assertThat(gateways.last().closed).isFalse();
    }

    @Test
    void helpListsTheCommandsInTheSelectedTab() {
        connectToLobby();
        presenter.submit("/help");
        assertThat(texts(model.find("#lobby"))).contains("/msg NICK TEXT: private message, in its own tab",
                "/quit [REASON]: leave and close the window; so do exit, {quit} or {close} alone on a line");
    }

    @Test
    void serverGoingAwayForGoodShowsTheBanner() {
        connectToLobby();
        play(disconnected("connection to chat.test:6667 lost: reset", DisconnectCause.CONNECTION_LOST));

        assertThat(model.banner().message()).contains("chat.test:6667");
        assertThat(model.status()).isEqualTo("disconnected (connection to chat.test:6667 lost: reset)");
    }

    @Test
    void loginModeFailsOnTheFirstRefusalInPlainWordsAndStopsTrying() {
        CompletableFuture<String> f = presenter.connect("gina", true);
        play(reconnecting(1, Duration.ofSeconds(1), "cannot connect to chat.test:6667: Connection refused"));

        assertThat(f).isCompletedExceptionally();
        assertThat(f.handle((v, e) -> e.getMessage()).join())
                .isEqualTo("Nothing answered at chat.test:6667: the connection was refused. "
                        + "Is the server running, and is the port right?");
        assertThat(gateways.last().closed).isTrue();
    }

    @Test
    void loginModeReportsATakenNick() {
        CompletableFuture<String> f = presenter.connect("gina", true);
        play(disconnected("nick gina is already in use", DisconnectCause.NICK_UNAVAILABLE));

        assertThat(f.handle((v, e) -> e.getMessage()).join()).startsWith("That nick can't be used on this server");
    }

    @Test
    void quitSendsQuitAndFinishes() {
        connectToLobby();
        presenter.submit("/quit see you");
        ui.drain();

        assertThat(gateways.last().quitReason).isEqualTo("see you");
        assertThat(presenter.finished()).isCompleted();
    }

    @Test
    void theOldProgramsLeaveWordsQuitAndSayExitSendsTheWord() {
        for (String word : List.of("{quit}", "{close}", "exit")) {
            setUp();
            connectToLobby();
            presenter.submit("/say exit");
            presenter.submit(word);
            ui.drain();

            assertThat(gateways.last().sent).as(word).containsExactly("say #lobby exit");
            assertThat(presenter.finished()).as(word).isCompleted();
        }
    }

    @Test
    void anOutageIsOneLineInTheTabNotOnePerAttempt() {
        connectToLobby();
        play(reconnecting(1, Duration.ofSeconds(2), "server shutting down"),
                new ChatEvent.ConnectionState(T, ChatEvent.ConnectionState.Status.CONNECTING, "chat.test:6667", null, 1,
                        Duration.ZERO, "", null),
                reconnecting(2, Duration.ofSeconds(2), "cannot connect to chat.test:6667: Connection refused"),
                reconnecting(3, Duration.ofSeconds(2), "cannot connect to chat.test:6667: Connection refused"));

        assertThat(texts(model.find("#lobby"))).filteredOn(t -> t.contains("connection lost") || t.contains("attempt"))
                .containsExactly("connection lost: server shutting down");
        assertThat(texts(model.serverTab())).filteredOn(t -> t.contains("connection lost") || t.contains("attempt"))
                .hasSize(1);
    }

    @Test
    void aMessageTypedWhileReconnectingIsShownAsPending() {
        connectToLobby();
        play(new ChatEvent.Pending(T, "#lobby", "gina", "still there?", false));
        assertThat(texts(model.find("#lobby"))).contains("(pending) <gina> still there? - sent once reconnected");
    }

    @Test
    void aTakenNickIsSaidOnceInThePane() {
        presenter.connect("alice", false);
        play(joined("#lobby", "alice_", true), connected("alice_"));
        play(reconnecting(1, Duration.ofSeconds(2), "lost"), joined("#lobby", "alice_", true), connected("alice_"));

        assertThat(texts(model.find("#lobby"))).filteredOn(t -> t.contains("taken"))
                .containsExactly("alice is taken; you are alice_");
    }

    @Test
    void serverNoticesShowInTheTabInViewAndMarkTheServerTab() {
        connectToLobby();
        play(new ChatEvent.Notice(T, "chat.localhost", "*", "Back in 5 minutes", true));

        assertThat(texts(model.find("#lobby"))).contains("-chat.localhost- Back in 5 minutes");
        assertThat(texts(model.serverTab())).contains("-chat.localhost- Back in 5 minutes");
        assertThat(model.serverTab().unread()).isEqualTo(1);
    }

    @Test
    void closingAPrivateTabForgetsIt() {
        connectToLobby();
        presenter.submit("/query bob");
        presenter.submit("/close");
        assertThat(model.find("bob")).isNull();
        presenter.closeTab(model.serverTab(), "");
        assertThat(model.conversations()).contains(model.serverTab());
    }

    @Test
    void topicRepliesUpdateTheRoomAndShowOnlyWhenAskedOrChanged() {
        connectToLobby();
        play(new ChatEvent.Topic(T, "#lobby", "Welcome", null, false));
        assertThat(model.find("#lobby").topic()).isEqualTo("Welcome");
        assertThat(texts(model.find("#lobby"))).noneMatch(t -> t.contains("Welcome"));

        play(new ChatEvent.Topic(T, "#lobby", "Release day", "admin", true));
        assertThat(texts(model.find("#lobby"))).contains("admin set the topic: Release day");
    }

    @Test
    void eachTabKeepsAtMostTheLineCap() {
        model = new ChatModel(ui, 5);
        presenter = new ChatPresenter(model, ui, gateways, () -> clock.instant());
        connectToLobby();
        for (int i = 0; i < 20; i++) {
            play(said("#lobby", "bob", "line " + i, false));
        }
        assertThat(texts(model.find("#lobby"))).hasSize(5).last().isEqualTo("<bob> line 19");
    }

    @Test
    void modelRefusesToBeTouchedOffTheUiThread() throws Exception {
        Thread t = new Thread(() -> model.find("#lobby"));
        Throwable[] failure = new Throwable[1];
        t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
        t.start();
        t.join(5000);
        assertThat(failure[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("off the UI thread");
    }
}
