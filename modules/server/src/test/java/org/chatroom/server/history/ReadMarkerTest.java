package org.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** draft/read-marker: one marker per account per target, shared by the account's connections, never moving back. */
@Timeout(90)
class ReadMarkerTest {
    private static final String T1 = "timestamp=2026-01-01T00:00:00.000Z";

    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.plain().with(Map.of("flood.rate", "0"));

    private static boolean isMarker(String line, String room, String value) {
        org.chatroom.protocol.IrcMessage m = org.chatroom.protocol.IrcMessage.parse(line);
        return m.command().equals("MARKREAD") && m.params().equals(java.util.List.of(room, value));
    }

    private static void marker(IrcTestClient c, String room, String value) {
        c.awaitLine(l -> isMarker(l, room, value));
    }

    @Test
    void markreadIsSharedByTheAccountsConnectionsAndToldOnJoin() throws Exception {
        fx.start();
        HistoryFixture.account(fx, "alice", "pw-a");
        IrcTestClient a1 = HistoryFixture.connect(fx, "alice", "draft/read-marker", "pw-a");
        marker(a1, "#lobby", "*");
        IrcTestClient a2 = HistoryFixture.connect(fx, "phone", "draft/read-marker", "alice", "pw-a");
        marker(a2, "#lobby", "*");

        a1.send("MARKREAD #lobby " + T1);
        marker(a1, "#lobby", T1);
        marker(a2, "#lobby", T1);
        a2.clear();
        a2.send("MARKREAD #lobby timestamp=2025-06-01T00:00:00.000Z");
        marker(a2, "#lobby", T1); // older: the stored one stays and is told
        a2.clear();
        a2.send("MARKREAD #lobby");
        marker(a2, "#lobby", T1);

        IrcTestClient a3 = HistoryFixture.connect(fx, "laptop", "draft/read-marker", "alice", "pw-a");
        marker(a3, "#lobby", T1);
        a3.send("JOIN #other");
        marker(a3, "#other", "*");

        a1.send("MARKREAD #lobby yesterday");
        a1.awaitContains("FAIL MARKREAD INVALID_PARAMS #lobby yesterday :The marker is timestamp=");
        a1.send("MARKREAD");
        a1.awaitContains("FAIL MARKREAD NEED_MORE_PARAMS :Missing parameters");

        IrcTestClient guest = HistoryFixture.connect(fx, "guest", "draft/read-marker", null);
        marker(guest, "#lobby", "*");
        guest.send("MARKREAD #lobby");
        guest.sync();
        assertThat(guest.lines()).filteredOn(l -> isMarker(l, "#lobby", "*")).hasSize(2);
        guest.send("MARKREAD #lobby " + T1);
        guest.awaitContains("FAIL MARKREAD ACCOUNT_REQUIRED #lobby :Read markers are kept for accounts");
    }
}
