package org.chatroom.server.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads request lines (ended by LF, an optional CR before it is dropped) from a blocking channel.
 * A line longer than the limit is skipped to its end and reported once; bytes that are not UTF-8
 * text, or control characters, make the line bad. Neither ends the connection.
 */
final class AdminLineReader {
    /** One read: a line, or why there is none. */
    sealed interface Result permits Line, TooLong, BadText, End {
    }

    record Line(String text) implements Result {
    }

    record TooLong(int limit) implements Result {
    }

    record BadText(String why) implements Result {
    }

    record End() implements Result {
    }

    private final ReadableByteChannel in;
    private final int maxBytes;
    private final ByteBuffer buf;
    private final byte[] line;

    AdminLineReader(ReadableByteChannel in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.buf = ByteBuffer.allocate(Math.max(1024, maxBytes));
        this.buf.flip();
        this.line = new byte[maxBytes + 1];
    }

    Result read() throws IOException {
        int len = 0;
        boolean tooLong = false;
        while (true) {
            if (!buf.hasRemaining()) {
                buf.clear();
                int n = in.read(buf);
                buf.flip();
                if (n < 0) {
                    return new End();
                }
                continue;
            }
            byte b = buf.get();
            if (b == '\n') {
                break;
            }
            if (tooLong) {
                continue;
            }
            if (len == line.length) {
                tooLong = true;
                continue;
            }
            line[len++] = b;
        }
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        if (tooLong || len > maxBytes) {
            return new TooLong(maxBytes);
        }
        String text;
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, len));
            text = cb.toString();
        } catch (CharacterCodingException e) {
            return new BadText("the line is not UTF-8 text");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return new BadText("the line holds a control character (0x" + Integer.toHexString(c) + ")");
            }
        }
        return new Line(text);
    }
}
