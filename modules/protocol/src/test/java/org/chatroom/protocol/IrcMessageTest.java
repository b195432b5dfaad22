package org.chatroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IrcMessageTest {

    @Test
    void parsesCommandWithMiddleAndTrailingParams() {
        IrcMessage m = IrcMessage.parse("privmsg #lobby :hello there");
        assertThat(m.command()).isEqualTo("PRIVMSG");
        assertThat(m.params()).containsExactly("#lobby", "hello there");
        assertThat(m.source()).isNull();
        assertThat(m.tags()).isEmpty();
    }

    @Test
    void parsesSourceAndNumeric() {
        IrcMessage m = IrcMessage.parse(":irc.example 001 alice :Welcome");
        assertThat(m.source()).isEqualTo("irc.example");
        assertThat(m.command()).isEqualTo("001");
        assertThat(m.isNumeric()).isTrue();
        assertThat(m.params()).containsExactly("alice", "Welcome");
    }

    @Test
    void parsesTagsWithEscapes() {
        IrcMessage m = IrcMessage.parse("@time=2026-01-01T00:00:00.000Z;+x=a\\sb\\:c\\\\;flag :a!b@c PRIVMSG #r :x");
        assertThat(m.tags()).containsExactly(
                Map.entry("time", "2026-01-01T00:00:00.000Z"), Map.entry("+x", "a b;c\\"), Map.entry("flag", ""));
        assertThat(m.sourceNick()).isEqualTo("a");
    }

    @Test
    void toleratesRepeatedSpacesAndEmptyTrailing() {
        IrcMessage m = IrcMessage.parse("TOPIC   #r   :");
        assertThat(m.params()).containsExactly("#r", "");
    }

    @Test
    void fifteenthParameterTakesTheRestOfTheLine() {
        IrcMessage m = IrcMessage.parse("X 1 2 3 4 5 6 7 8 9 10 11 12 13 14 rest of it");
        assertThat(m.params()).hasSize(15);
        assertThat(m.last()).isEqualTo("rest of it");
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> IrcMessage.parse("")).isInstanceOf(IrcParseException.class);
        assertThatThrownBy(() -> IrcMessage.parse("   ")).isInstanceOf(IrcParseException.class);
        assertThatThrownBy(() -> IrcMessage.parse(":src")).isInstanceOf(IrcParseException.class);
        assertThatThrownBy(() -> IrcMessage.parse(": PRIVMSG")).isInstanceOf(IrcParseException.class);
        assertThatThrownBy(() -> IrcMessage.parse("PRIV-MSG x")).isInstanceOf(IrcParseException.class);
        assertThatThrownBy(() -> IrcMessage.parse("@ PING")).isInstanceOf(IrcParseException.class);
        assertThatThrownBy(() -> IrcMessage.parse("@a b=c PING")).isInstanceOf(IrcParseException.class);
    }

    @Test
    void formatsWithTrailingColonOnlyWhenNeeded() {
        assertThat(IrcMessage.from("a!b@c", "PRIVMSG", "#r", "hi").toLine()).isEqualTo(":a!b@c PRIVMSG #r :hi");
        assertThat(IrcMessage.from("a!b@c", "JOIN", "#r").toLine()).isEqualTo(":a!b@c JOIN #r");
        assertThat(IrcMessage.from("a!b@c", "QUIT", "bye").toLine()).isEqualTo(":a!b@c QUIT :bye");
        assertThat(IrcMessage.of("PRIVMSG", "#r", "hi there").toLine()).isEqualTo("PRIVMSG #r :hi there");
        assertThat(IrcMessage.of("TOPIC", "#r", "").toLine()).isEqualTo("TOPIC #r :");
        assertThat(IrcMessage.of("PRIVMSG", "#r", ":)").toLine()).isEqualTo("PRIVMSG #r ::)");
    }

    @Test
    void formatsTagsEscaped() {
        IrcMessage m = new IrcMessage(Map.of("+x", "a b;c"), null, "TAGMSG", List.of("#r"));
        assertThat(m.toLine()).isEqualTo("@+x=a\\sb\\:c TAGMSG #r");
        assertThat(IrcMessage.parse(m.toLine())).isEqualTo(m);
    }

    @Test
    void refusesToFormatAMiddleParameterWithSpace() {
        assertThatThrownBy(() -> IrcMessage.of("X", "a b", "c").toLine()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsParsedLines() {
        for (String line : List.of(":n!u@h PRIVMSG #r :hello world", "PING :tok", ":s 353 a = #r :@a b c",
                "@msgid=1 :n!u@h JOIN #r", ":s 005 a NICKLEN=30 :are supported by this server")) {
            IrcMessage parsed = IrcMessage.parse(line);
            assertThat(IrcMessage.parse(parsed.toLine())).isEqualTo(parsed);
        }
    }

    @Test
    void prefixSplitsIntoParts() {
        assertThat(Prefix.parse("nick!user@host")).isEqualTo(new Prefix("nick", "user", "host"));
        assertThat(Prefix.parse("irc.example")).isEqualTo(new Prefix("irc.example", null, null));
        assertThat(Prefix.parse("nick!user@host").toString()).isEqualTo("nick!user@host");
    }
}
