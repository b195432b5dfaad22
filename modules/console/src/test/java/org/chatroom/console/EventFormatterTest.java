package org.chatroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.DisconnectCause;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class EventFormatterTest {
    private static final Instant T = Instant.parse("2026-11-25T09:05:30Z");
    private final EventFormatter f = new EventFormatter(ZoneOffset.UTC, () -> "#lobby");

    @Test
    void roomMessageInTheCurrentRoom() {
        assertThat(plain(new ChatEvent.RoomMessage(T, "#lobby", "alice", "hi all", false)))
                .isEqualTo("[09:05] <alice> hi all");
    }

    @Test
    void roomMessageElsewhereNamesItsRoom() {
        assertThat(plain(new ChatEvent.RoomMessage(T, "#dev", "bob", "build is green", false)))
                .isEqualTo("[09:05] #dev <bob> build is green");
    }

    @Test
    void privateMessagesActionsAndNotices() {
        assertThat(plain(new ChatEvent.PrivateMessage(T, "bob", "alice", "psst", false))).isEqualTo("[09:05] *bob* psst");
        assertThat(plain(new ChatEvent.PrivateMessage(T, "alice", "bob", "yes?", true))).isEqualTo("[09:05] -> *bob* yes?");
        assertThat(plain(new ChatEvent.Action(T, "#lobby", "alice", "waves", false))).isEqualTo("[09:05] * alice waves");
        assertThat(plain(new ChatEvent.Notice(T, "server", "alice", "note", true))).isEqualTo("[09:05] -server- note");
    }

    @Test
    void historyIsAMutedBlockWithDatesUnderAHeading() {
        ChatEvent.History h = new ChatEvent.History(T, "#lobby", ChatEvent.HistoryKind.MISSED, List.of(
                new ChatEvent.RoomMessage(T.minusSeconds(86_400), "#lobby", "bob", "while you slept", false),
                new ChatEvent.Action(T.minusSeconds(60), "#lobby", "amy", "waves", false)));
        AttributedString s = f.format(h);
        assertThat(s.toString().split("\n")).containsExactly("--- missed in #lobby while away (2 lines):",
                "[2026-11-24 09:05] <bob> while you slept", "[2026-11-25 09:04] * amy waves");
        assertThat(s.styleAt(s.length() - 1)).isEqualTo(EventFormatter.MUTED);
        assertThat(plain(new ChatEvent.History(T, "#lobby", ChatEvent.HistoryKind.OLDER, List.of())))
                .isEqualTo("--- nothing older in #lobby");
        assertThat(plain(new ChatEvent.LoggedIn(T, "erin", false))).isEqualTo("[09:05] --- logged in as erin");
    }

    @Test
    void membershipChangesAreMuted() {
        AttributedString join = f.format(new ChatEvent.Joined(T, "#lobby", "carol", false));
        assertThat(join.toString()).isEqualTo("[09:05] --> carol joined #lobby");
        assertThat(join.styleAt(join.length() - 1)).isEqualTo(EventFormatter.MUTED);
        assertThat(plain(new ChatEvent.Quit(T, "carol", "Quit: bye", List.of("#lobby"))))
                .isEqualTo("[09:05] <-- carol quit (Quit: bye)");
        assertThat(plain(new ChatEvent.Kicked(T, "#lobby", "dave", "op", "spam", false)))
                .isEqualTo("[09:05] <-- dave was kicked from #lobby by op (spam)");
        assertThat(plain(new ChatEvent.NickChanged(T, "bob", "robert", false)))
                .isEqualTo("[09:05] --- bob is now known as robert");
    }

    @Test
    void connectionStatesReadAsSentences() {
        assertThat(plain(new ConnectionState(T, ConnectionState.Status.RECONNECTING, "h:1", null, 1,
                Duration.ofMillis(1900), "connection to h:1 lost: reset", null)))
                .isEqualTo("[09:05] !!! connection to h:1 lost: reset; reconnecting in 1.9 s, then every few seconds "
                        + "until it is back");
        assertThat(plain(new ConnectionState(T, ConnectionState.Status.DISCONNECTED, "h:1", null, 0, Duration.ZERO,
                "Closing link: (Banned: spam)", DisconnectCause.BANNED)))
                .isEqualTo("[09:05] !!! disconnected: Closing link: (Banned: spam)");
    }

    @Test
    void anOutageIsOneLineNotOnePerAttempt() {
        assertThat(f.format(new ConnectionState(T, ConnectionState.Status.RECONNECTING, "h:1", null, 2,
                Duration.ofMillis(1900), "cannot connect to h:1: Connection refused", null))).isNull();
        assertThat(f.format(new ConnectionState(T, ConnectionState.Status.CONNECTING, "h:1", null, 2,
                Duration.ZERO, "", null))).isNull();
        assertThat(plain(new ConnectionState(T, ConnectionState.Status.CONNECTING, "h:1", null, 0,
                Duration.ZERO, "", null))).isEqualTo("[09:05] --- connecting to h:1...");
    }

    @Test
    void aPendingMessageIsMarked() {
        assertThat(plain(new ChatEvent.Pending(T, "#lobby", "alice", "hello?", false)))
                .isEqualTo("[09:05] (pending) <alice> hello? - sent once reconnected");
    }

    @Test
    void nickColourIsStableAndColoured() {
        AttributedString a = f.format(new ChatEvent.RoomMessage(T, "#lobby", "alice", "x", false));
        AttributedString b = f.format(new ChatEvent.RoomMessage(T, "#lobby", "alice", "y", false));
        int nickAt = "[09:05] <".length();
        assertThat(a.styleAt(nickAt)).isEqualTo(b.styleAt(nickAt)).isEqualTo(NickColors.styleOf("alice"));
        assertThat(NickColors.colorOf("alice")).isEqualTo(NickColors.colorOf("ALICE"));
        long distinct = List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank").stream()
                .map(NickColors::colorOf).distinct().count();
        assertThat(distinct).isGreaterThan(3);
    }

    private String plain(ChatEvent e) {
        return f.format(e).toString();
    }
}
