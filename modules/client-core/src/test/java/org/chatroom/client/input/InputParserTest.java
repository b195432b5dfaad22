package org.chatroom.client.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"exit", "{quit}", "{close}", "  exit  ", "/quit", "/exit", "EXIT"})
    void theOldProgramsLeaveWordsLeave(String line) {
        assertThat(InputParser.parse(line)).isEqualTo(new Intent.Quit(""));
    }

    @Test
    void quitCarriesItsReason() {
        assertThat(InputParser.parse("/quit gone fishing")).isEqualTo(new Intent.Quit("gone fishing"));
    }

    @Test
    void leaveWordsInsideALineOrAfterSayAreText() {
        assertThat(InputParser.parse("/say exit")).isEqualTo(new Intent.Say("exit"));
        assertThat(InputParser.parse("exit now")).isEqualTo(new Intent.Say("exit now"));
        assertThat(InputParser.parse("//quit")).isEqualTo(new Intent.Say("/quit"));
        assertThat(InputParser.parse("/say")).isInstanceOf(Intent.Mistake.class);
    }

    @Test
    void anUnknownCommandIsNamed() {
        Intent i = InputParser.parse("/frobnicate now");
        assertThat(i).isEqualTo(new Intent.Unknown("frobnicate"));
        assertThat(((Intent.Unknown) i).message()).isEqualTo("unknown command /frobnicate, try /help");
    }

    @Test
    void roomsAreNormalisedAndChecked() {
        assertThat(InputParser.parse("/join dev")).isEqualTo(new Intent.Join("#dev"));
        assertThat(InputParser.parse("/join #a b")).isEqualTo(new Intent.Mistake("usage: /join ROOM"));
        assertThat(InputParser.parse("/part #dev bye now")).isEqualTo(new Intent.Part("#dev", "bye now"));
        assertThat(InputParser.parse("/part bye")).isEqualTo(new Intent.Part(null, "bye"));
    }

    @Test
    void messagesAndNicks() {
        assertThat(InputParser.parse("/msg bob hi there")).isEqualTo(new Intent.PrivateMessage("bob", "hi there"));
        assertThat(InputParser.parse("/msg bob")).isEqualTo(new Intent.Mistake("usage: /msg NICK TEXT"));
        assertThat(InputParser.parse("/query bob")).isEqualTo(new Intent.Query("bob", ""));
        assertThat(InputParser.parse("/nick 9lives")).isInstanceOf(Intent.Mistake.class);
        assertThat(InputParser.parse("/me waves")).isEqualTo(new Intent.Action("waves"));
        assertThat(InputParser.parse("/topic")).isEqualTo(new Intent.Topic(null));
        assertThat(InputParser.parse("   ")).isEqualTo(new Intent.Nothing());
    }

    @Test
    void helpSaysHowToLeave() {
        assertThat(CommandHelp.aligned(false)).contains("exit, {quit} or {close} alone on a line", "/say exit")
                .doesNotContain("/query");
        assertThat(CommandHelp.entries(true)).extracting(CommandHelp.Entry::usage).contains("/query NICK [TEXT]", "/close");
    }
}
