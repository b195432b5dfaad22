package org.chatroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.chatroom.protocol.IrcMessage;
import org.junit.jupiter.api.Test;

class IrcLineTest {
    private final IrcLine line = new IrcLine();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses {@code text} placed in the middle of a larger buffer, as the reader does. */
    private boolean parse(String text) {
        byte[] all = b("garbage\r\n" + text + "\r\nmore");
        int start = 9;
        return line.parse(all, start, start + b(text).length);
    }

    @Test
    void readsSourceCommandAndTrailing() {
        assertThat(parse(":alice!a@127.0.0.1 PRIVMSG #bench :B3 17 12345 xxx")).isTrue();
        assertThat(line.commandIs(b("PRIVMSG"))).isTrue();
        assertThat(line.sourceNickIs(b("ALICE"))).isTrue();
        assertThat(line.sourceNickIs(b("alic"))).isFalse();
        assertThat(line.paramCount()).isEqualTo(2);
        assertThat(line.paramEqualsIgnoreCase(0, b("#Bench"))).isTrue();
        assertThat(line.paramText(1)).isEqualTo("B3 17 12345 xxx");
    }

    @Test
    void readsNumericsAndMiddleParams() {
        assertThat(parse(":srv 366 bob #bench :End of /NAMES list.")).isTrue();
        assertThat(line.numeric()).isEqualTo(366);
        assertThat(line.paramText(0)).isEqualTo("bob");
        assertThat(line.paramEqualsIgnoreCase(1, b("#bench"))).isTrue();
        assertThat(line.paramText(2)).isEqualTo("End of /NAMES list.");
        parse("PRIVMSG #a :x");
        assertThat(line.numeric()).isEqualTo(-1);
    }

    @Test
    void skipsTagsAndHandlesNoSource() {
        assertThat(parse("@time=2024-01-01T00:00:00Z;msgid=x PING :token123")).isTrue();
        assertThat(line.hasSource()).isFalse();
        assertThat(line.commandIs(b("PING"))).isTrue();
        assertThat(line.paramText(0)).isEqualTo("token123");
    }

    @Test
    void emptyTrailingAndExtraSpaces() {
        assertThat(parse(":s  TOPIC   #r  :")).isTrue();
        assertThat(line.commandText()).isEqualTo("TOPIC");
        assertThat(line.paramCount()).isEqualTo(2);
        assertThat(line.paramText(0)).isEqualTo("#r");
        assertThat(line.paramText(1)).isEmpty();
    }

    @Test
    void lineWithoutCommandIsRejected() {
        assertThat(parse(":onlysource")).isFalse();
        assertThat(parse("")).isFalse();
        assertThat(line.paramCount()).isZero();
    }

    @Test
    void fifteenthParamTakesTheRest() {
        assertThat(parse("CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16")).isTrue();
        assertThat(line.paramCount()).isEqualTo(IrcLine.MAX_PARAMS);
        assertThat(line.paramText(14)).isEqualTo("15 16");
    }

    @Test
    void agreesWithTheProtocolModuleParser() {
        String[] samples = {
            ":nick!user@host PRIVMSG #room :hello there",
            ":server.name 001 nick :Welcome to the network",
            "PING :abc",
            ":a!b@c JOIN #bench",
            ":a!b@c JOIN :#bench",
            "@k=v;x :a!b@c NOTICE nick :text with : colon",
            ":srv 005 nick CHANTYPES=# NICKLEN=30 :are supported",
        };
        for (String s : samples) {
            IrcMessage m = IrcMessage.parse(s);
            assertThat(parse(s)).isTrue();
            assertThat(line.commandText()).as(s).isEqualTo(m.command());
            assertThat(line.paramCount()).as(s).isEqualTo(m.params().size());
            for (int i = 0; i < line.paramCount(); i++) {
                assertThat(line.paramText(i)).as(s + " param " + i).isEqualTo(m.params().get(i));
            }
        }
    }
}
