package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.chatroom.protocol.IrcMessage;
import org.junit.jupiter.api.Test;

/** Server replies shown as text read as sentences, without the numeric's punctuation leaking in. */
class NumericTextTest {

    private static String text(String line) {
        return EventTranslator.numericText(IrcMessage.parse(line));
    }

    @Test
    void countsReadAsASentence() {
        assertThat(text(":chat.localhost 254 alice 1 :channels formed")).isEqualTo("1 channels formed");
        assertThat(text(":chat.localhost 253 alice 1 :unknown connection(s)")).isEqualTo("1 unknown connection(s)");
    }

    @Test
    void aNameBeforeTheTextKeepsItsColon() {
        assertThat(text(":chat.localhost 401 alice bob :No such nick/channel")).isEqualTo("bob: No such nick/channel");
        assertThat(text(":chat.localhost 372 alice :- hello")).isEqualTo("- hello");
    }
}
