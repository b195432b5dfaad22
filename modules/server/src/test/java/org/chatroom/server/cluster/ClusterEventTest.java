package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterEventTest {
    @Test
    void everyFieldSurvivesTheWireFormIncludingSpacesColonsAndEmptyOnes() {
        ClusterEvent e = new ClusterEvent("KICK", "node-1", "", 42L, "op!~o@h", "#dev", "",
                "bob :go away: now 👋");
        assertThat(ClusterEvent.decode(e.encode())).isEqualTo(e);
        ClusterEvent tagged = new ClusterEvent("TAGMSG", "n", "id1", 7L, "a!~a@h", "#r", "+react=👍;+typing=active", "");
        assertThat(ClusterEvent.decode(tagged.encode())).isEqualTo(tagged);
    }

    @Test
    void somethingElseOnTheChannelIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ClusterEvent.decode("hello")).hasMessageContaining("1 fields, 8 expected");
        String badTime = new ClusterEvent("PART", "n", "", 1L, "", "#r", "", "").encode().replace("\u00001\u0000", "\u0000x\u0000");
        assertThatThrownBy(() -> ClusterEvent.decode(badTime)).hasMessageContaining("time 'x' is not a number");
        assertThatThrownBy(() -> new ClusterEvent("PRIVMSG", "n", "", 1L, "", "#r", "", "a\u0000b"))
                .hasMessageContaining("NUL");
    }
}
