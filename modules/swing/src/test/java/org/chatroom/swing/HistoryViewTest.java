package org.chatroom.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatroom.swing.Events.T;
import static org.chatroom.swing.Events.connected;
import static org.chatroom.swing.Events.joined;
import static org.chatroom.swing.Events.names;

import java.time.Instant;
import java.util.List;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatEvent.HistoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** History in the presenter, headless: lines set apart, older pages on top, the "new" divider, MARKREAD. */
class HistoryViewTest {
    private TestUi ui;
    private FakeGateways gateways;
    private ChatModel model;
    private ChatPresenter presenter;

    @BeforeEach
    void setUp() {
        ui = new TestUi();
        gateways = new FakeGateways();
        model = new ChatModel(ui, 100);
        presenter = new ChatPresenter(model, ui, gateways, () -> T);
        presenter.connect("gina", false);
        play(joined("#lobby", "gina", true), names("#lobby", "gina", "bob"), connected("gina"));
    }

    private void play(ChatEvent... events) {
        for (ChatEvent e : events) {
            gateways.last().emit(e);
        }
        ui.drain();
    }

    private static ChatEvent.RoomMessage old(int minutesAgo, String nick, String text) {
        return new ChatEvent.RoomMessage(T.minusSeconds(60L * minutesAgo), "#lobby", nick, text, false);
    }

    private static ChatEvent.History history(HistoryKind kind, ChatEvent... lines) {
        return new ChatEvent.History(T, "#lobby", kind, List.of(lines));
    }

    private List<ChatLine> lobbyLines() {
        return model.find("#lobby").lines();
    }

    @Test
    void historyOnJoinIsSetApartAndNotUnread() {
        play(history(HistoryKind.JOINED, old(30, "bob", "before you came"), old(20, "amy", "me too")));
        List<ChatLine> lines = lobbyLines();
        assertThat(lines).filteredOn(ChatLine::history).extracting(ChatLine::plain)
                .containsExactly("<bob> before you came", "<amy> me too");
        assertThat(lines.stream().filter(l -> !l.history()).map(ChatLine::plain)).contains("you joined #lobby");
        assertThat(model.find("#lobby").unread()).isZero();
    }

    @Test
    void theNewDividerStandsBeforeTheFirstLineAfterTheReadMarker() {
        play(new ChatEvent.ReadMarker(T, "#lobby", T.minusSeconds(60L * 25)));
        play(history(HistoryKind.JOINED, old(30, "bob", "read already"), old(20, "amy", "not read"), old(10, "bob", "nor this")));
        List<String> plain = lobbyLines().stream().map(ChatLine::plain).toList();
        assertThat(plain).containsSubsequence("<bob> read already", HistoryView.DIVIDER_TEXT, "<amy> not read", "<bob> nor this");
        assertThat(lobbyLines()).filteredOn(l -> l.kind() == LineKind.DIVIDER).hasSize(1);
    }

    @Test
    void linesMissedWhileAwayCountAsUnreadInAnotherTab() {
        play(joined("#dev", "gina", true));
        assertThat(model.selected().name()).isEqualTo("#dev");
        play(history(HistoryKind.MISSED, old(2, "bob", "while you were gone")));
        assertThat(lobbyLines()).last().satisfies(l -> {
            assertThat(l.history()).isTrue();
            assertThat(l.plain()).isEqualTo("<bob> while you were gone");
        });
        assertThat(model.find("#lobby").unread()).isEqualTo(1);
    }

    @Test
    void scrollingToTheTopAsksOnceForAnOlderPageThatGoesAboveTheFirstLine() {
        play(history(HistoryKind.JOINED, old(10, "bob", "recent")));
        Conversation lobby = model.find("#lobby");
        presenter.scrolledToTop(lobby);
        presenter.scrolledToTop(lobby); // still loading: not asked twice
        assertThat(gateways.last().sent).filteredOn(s -> s.startsWith("history ")).containsExactly("history #lobby 50");

        play(history(HistoryKind.OLDER, old(50, "amy", "long ago"), old(40, "bob", "a while ago")));
        assertThat(lobbyLines().get(0).plain()).isEqualTo("<amy> long ago");
        assertThat(lobbyLines().get(1).plain()).isEqualTo("<bob> a while ago");

        presenter.scrolledToTop(lobby);
        play(history(HistoryKind.OLDER));
        assertThat(lobbyLines().get(0).plain()).isEqualTo("the beginning of the history");
        presenter.scrolledToTop(lobby);
        assertThat(gateways.last().sent).filteredOn(s -> s.startsWith("history ")).as("nothing older: no more asking").hasSize(2);
    }

    @Test
    void viewingOrLeavingATabMarksItReadUpToItsNewestLine() {
        play(history(HistoryKind.JOINED, old(10, "bob", "hello")));
        Instant newest = T.minusSeconds(600);
        assertThat(gateways.last().sent).contains("markread #lobby " + newest);
        play(joined("#dev", "gina", true));
        play(new ChatEvent.RoomMessage(T, "#lobby", "bob", "later", false));
        presenter.select(model.find("#lobby"));
        assertThat(gateways.last().sent).contains("markread #lobby " + T);
        assertThat(gateways.last().sent.stream().filter(s -> s.startsWith("markread #lobby"))).hasSize(2);
    }

    @Test
    void loggingInIsToldInTheServerTab() {
        play(new ChatEvent.LoggedIn(T, "gina", true));
        assertThat(model.serverTab().lines()).extracting(ChatLine::plain).contains("logged in as gina (account created)");
    }
}
