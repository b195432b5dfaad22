package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    @Test
    void lineBreaksStartNewMessagesAndEmptyLinesVanish() {
        assertThat(MessageSplitter.split("a\r\nb\n\nc\rd", 100)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void longTextIsCutAtSpacesWithinTheBudget() {
        String text = "lorem ipsum ".repeat(30).strip();
        List<String> pieces = MessageSplitter.split(text, 50);
        assertThat(pieces).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(50));
        assertThat(String.join(" ", pieces)).isEqualTo(text);
    }

    @Test
    void neverCutsInsideACharacter() {
        String text = "\uD83D\uDE00".repeat(40) + "é".repeat(40);
        List<String> pieces = MessageSplitter.split(text, 21);
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).allSatisfy(p -> {
            assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(21);
            assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
        });
    }
}
