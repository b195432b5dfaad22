package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The two bounded memories of an outage: msgids delivered lately, and events not published yet. */
class OutageBuffersTest {
    private static ClusterEvent message(String msgid) {
        return new ClusterEvent("PRIVMSG", "n1", msgid, 1, "a!~a@h", "#r", "", "hi " + msgid);
    }

    @Test
    void aSeenMsgidIsRefusedOnceMoreAndTheOldestIsForgottenPastTheBound() {
        SeenMessages seen = new SeenMessages(3);
        assertThat(seen.add("m1")).isTrue();
        assertThat(seen.add("m1")).as("twice: not delivered again").isFalse();
        seen.add("m2");
        seen.add("m3");
        seen.add("m4");
        assertThat(seen.contains("m1")).as("past the bound, the oldest goes").isFalse();
        assertThat(seen.contains("m2")).isTrue();
        assertThat(seen.contains("m4")).isTrue();
    }

    @Test
    void unsentEventsComeOutInOrderBoundedAndWhatFailedGoesBackBeforeNewerOnes() {
        UnsentEvents unsent = new UnsentEvents();
        for (int i = 0; i < UnsentEvents.CAPACITY + 5; i++) {
            unsent.toRoom("#r", message("m" + i));
        }
        assertThat(unsent.contains("m0")).isFalse();
        UnsentEvents.Taken taken = unsent.take();
        assertThat(taken.dropped()).isEqualTo(5);
        assertThat(taken.events()).hasSize(UnsentEvents.CAPACITY);
        assertThat(taken.events().get(0).event().msgid()).isEqualTo("m5");
        assertThat(unsent.take().events()).as("taken means emptied").isEmpty();

        unsent.toNode("n2", message("newer"));
        unsent.putBack(List.of(taken.events().get(0), taken.events().get(1)));
        assertThat(unsent.take().events()).extracting(u -> u.event().msgid()).containsExactly("m5", "m6", "newer");
    }
}
