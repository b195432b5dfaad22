package org.chatroom.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts user text into pieces that each fit one IRC line: line breaks start a new piece (they may not
 * travel inside a parameter), and long text is cut at a space where possible, never inside a character.
 */
final class MessageSplitter {
    /** 512 minus CRLF. */
    private static final int LINE_BYTES = 510;
    /** What the server adds when relaying: ":nick!user@host " with a generous host. */
    private static final int SOURCE_ALLOWANCE = 1 + 30 + 1 + 10 + 1 + 64 + 1;

    private MessageSplitter() {
    }

    /** Bytes available for the text of {@code COMMAND target :text}. */
    static int budget(String command, String target) {
        int fixed = SOURCE_ALLOWANCE + command.length() + 1 + target.getBytes(StandardCharsets.UTF_8).length + 2;
        return Math.max(32, LINE_BYTES - fixed);
    }

    static List<String> split(String text, int maxBytes) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            String clean = line.replace("\0", "");
            if (clean.isEmpty()) {
                continue;
            }
            cut(clean, maxBytes, out);
        }
        return out;
    }

    private static void cut(String line, int maxBytes, List<String> out) {
        String rest = line;
        while (rest.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            int end = fitting(rest, maxBytes);
            int space = rest.lastIndexOf(' ', end);
            int cut = space > end / 2 ? space : end;
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
    }

    /** The largest char index whose prefix fits {@code maxBytes}, not splitting a surrogate pair. */
    private static int fitting(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return i;
    }
}
