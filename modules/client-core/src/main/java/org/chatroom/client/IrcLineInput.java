package org.chatroom.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads CRLF- or LF-terminated lines as UTF-8 (bad bytes become U+FFFD). A line longer than
 * {@code maxBytes} is dropped whole, so a broken server cannot make us buffer without bound.
 * A read timeout may interrupt a line: the bytes read so far are kept for the next call.
 */
final class IrcLineInput {
    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    private boolean overflow;

    IrcLineInput(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next non-empty line without its terminator, or null at end of stream. */
    String readLine() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                boolean drop = overflow;
                overflow = false;
                byte[] bytes = line.toByteArray();
                line.reset();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                if (!drop && len > 0) {
                    return new String(bytes, 0, len, StandardCharsets.UTF_8);
                }
            } else if (line.size() < maxBytes) {
                line.write(b);
            } else {
                overflow = true;
            }
        }
    }
}
