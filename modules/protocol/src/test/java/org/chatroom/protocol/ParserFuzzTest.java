package org.chatroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A seeded generator of malformed and mutated lines: the parser may only ever throw its own error. */
class ParserFuzzTest {
    private static final List<String> SEEDS = List.of(
            "PRIVMSG #lobby :hello", "@time=x;+a=b\\s :n!u@h PRIVMSG #r :\u0001ACTION hi\u0001",
            ":srv 353 me = #r :@a +b c", "NICK alice", "USER a 0 * :Real Name", "CAP REQ :server-time echo-message",
            "JOIN #a,#b key1,key2", "MODE #r +kl secret 10", "PING :x", "QUIT :bye");
    private static final String ALPHABET = " :@;=!#\\\u0001\u0000\r\nabcXYZ019+-/.,*?é€";

    @Test
    void twentyThousandMutatedLinesNeverEscapeTheParser() {
        SplittableRandom random = new SplittableRandom(20261125L);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            String line = mutate(random, SEEDS.get(random.nextInt(SEEDS.size())));
            try {
                IrcMessage m = IrcMessage.parse(line);
                assertThat(m.command()).isNotEmpty();
                parsed++;
            } catch (IrcParseException expected) {
                refused++;
            }
        }
        assertThat(parsed).isPositive();
        assertThat(refused).isPositive();
    }

    private static String mutate(SplittableRandom r, String seed) {
        switch (r.nextInt(6)) {
            case 0: { // random bytes decoded leniently, as the server's decoder would never pass them
                byte[] b = new byte[r.nextInt(600)];
                r.nextBytes(b);
                return new String(b, StandardCharsets.ISO_8859_1);
            }
            case 1: // overlong
                return seed + " " + "x".repeat(r.nextInt(10_000));
            case 2: { // many parameters
                StringBuilder sb = new StringBuilder("CMD");
                int n = r.nextInt(200);
                for (int i = 0; i < n; i++) {
                    sb.append(' ').append(i);
                }
                return sb.toString();
            }
            case 3: { // tag garbage
                StringBuilder sb = new StringBuilder("@");
                int n = r.nextInt(40);
                for (int i = 0; i < n; i++) {
                    sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
                return sb.append(' ').append(seed).toString();
            }
            default: { // point mutations of a valid line
                StringBuilder sb = new StringBuilder(seed);
                int n = 1 + r.nextInt(8);
                for (int i = 0; i < n; i++) {
                    int at = r.nextInt(sb.length() + 1);
                    char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                    switch (r.nextInt(3)) {
                        case 0 -> sb.insert(at, c);
                        case 1 -> { if (at < sb.length()) sb.deleteCharAt(at); }
                        default -> { if (at < sb.length()) sb.setCharAt(at, c); }
                    }
                }
                return sb.toString();
            }
        }
    }
}
