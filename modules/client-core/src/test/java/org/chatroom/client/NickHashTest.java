package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NickHashTest {
    @Test
    void sameNickSameIndexWhateverTheCase() {
        assertThat(NickHash.of("Alice")).isEqualTo(NickHash.of("alice")).isEqualTo(NickHash.of("ALICE"));
        assertThat(NickHash.index("Bob", 12)).isEqualTo(NickHash.index("bob", 12)).isBetween(0, 11);
    }

    @Test
    void valuesNeverChangeBetweenVersionsSoColoursStayPut() {
        assertThat(NickHash.of("alice")).isEqualTo(ALICE);
        assertThat(NickHash.of("")).isEqualTo(EMPTY);
        assertThat(NickHash.index("alice", 11)).isEqualTo(Math.floorMod(ALICE, 11));
    }

    @Test
    void similarShortNicksSpreadOverAPalette() {
        long distinct = List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina", "heidi", "a1", "a2", "a3")
                .stream().map(n -> NickHash.index(n, 12)).distinct().count();
        assertThat(distinct).isGreaterThan(5);
    }

    @Test
    void paletteSizeMustBePositive() {
        assertThatThrownBy(() -> NickHash.index("alice", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("palette size 0 is not positive");
    }

    private static final int ALICE = -367733218;
    private static final int EMPTY = -1421968373; // the finalizer applied to the FNV offset basis
}
