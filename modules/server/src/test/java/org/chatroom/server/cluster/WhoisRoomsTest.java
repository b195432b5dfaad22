package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a remote user's rooms 319 shows, from the script's answer. */
class WhoisRoomsTest {
    private static final List<String> ANSWER = List.of(
            "#zoo", "#Zoo", "", "+nt",
            "#dev", "#Dev", "o", "+ntk *",
            "#hid", "#Hid", "v", "+nst",
            "#ours", "#ours", "", "+nt");

    @Test
    void secretRoomsOnlyForOperatorsAndFollowedRoomsLeftToLocalState() {
        assertThat(WhoisRooms.entries(ANSWER, false, "#ours"::equals)).containsExactly("@#Dev", "#Zoo");
        assertThat(WhoisRooms.entries(ANSWER, true, "#ours"::equals)).containsExactly("@#Dev", "+#Hid", "#Zoo");
    }

    @Test
    void aKeyNamingAnSIsNotTheSecretMode() {
        assertThat(WhoisRooms.entries(List.of("#k", "#k", "", "+k sss"), false, r -> false)).containsExactly("#k");
    }
}
