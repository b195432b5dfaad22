package org.chatroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void encodedMessageDecodesToTheSameFields() {
        Payload p = new Payload("#bench", 64, "run");
        ByteBuffer out = ByteBuffer.allocate(p.maxLineBytes());
        p.encode(out, 7, 123_456_789L, 9_876_543_210L);
        String lineText = new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII);
        assertThat(lineText).startsWith("PRIVMSG #bench :Brun.7 123456789 9876543210 x").endsWith("x");
        assertThat(lineText.length()).isEqualTo("PRIVMSG #bench :".length() + 64);
        assertThat(lineText.length() + 2).isLessThanOrEqualTo(p.maxLineBytes());

        IrcLine line = new IrcLine();
        byte[] buf = lineText.getBytes(StandardCharsets.US_ASCII);
        assertThat(line.parse(buf, 0, buf.length)).isTrue();
        Payload reader = new Payload("#bench", 64, "run");
        assertThat(reader.decode(buf, line.paramStart(1), line.paramEnd(1))).isTrue();
        assertThat(reader.sender).isEqualTo(7);
        assertThat(reader.seq).isEqualTo(123_456_789L);
        assertThat(reader.sentNanos).isEqualTo(9_876_543_210L);
    }

    @Test
    void zeroesAreWritten() {
        Payload p = new Payload("#b", 48, "run");
        ByteBuffer out = ByteBuffer.allocate(p.maxLineBytes());
        p.encode(out, 0, 0, 0);
        assertThat(new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII)).startsWith("PRIVMSG #b :Brun.0 0 0 x");
    }

    @Test
    void foreignTextIsNotABenchmarkMessage() {
        Payload p = new Payload("#b", 48, "run");
        for (String s : new String[] {"hello", "B", "Brun.", "Brun.1", "Brun.1 2", "Brun.x 2 3", "Brun.1 2 3x", "B1 2 3", "Bold.1 2 3", ""}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(p.decode(b, 0, b.length)).as(s).isFalse();
        }
        byte[] ok = "Brun.1 2 3".getBytes(StandardCharsets.US_ASCII);
        assertThat(p.decode(ok, 0, ok.length)).isTrue();
    }
}
