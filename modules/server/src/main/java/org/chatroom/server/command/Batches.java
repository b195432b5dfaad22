package org.chatroom.server.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.chatroom.protocol.MessageTags;

/**
 * IRCv3 {@code batch}: the {@code BATCH +id type} / {@code BATCH -id} frame and the {@code batch=id}
 * tag on each line inside it. Works on lines already encoded for one recipient (CRLF included), so
 * the shared forms of {@link org.chatroom.server.core.OutboundLine} are never touched: tags are
 * spliced into a copy.
 */
public final class Batches {
    private Batches() {
    }

    /** Sends {@code lines} to {@code out} as one batch of {@code type}; {@code startTags} go on its start only. */
    public static void send(Consumer<byte[]> out, String server, String id, String type, Map<String, String> startTags,
                     List<byte[]> lines) {
        String start = ":" + server + " BATCH +" + id + " " + type + "\r\n";
        byte[] startLine = start.getBytes(StandardCharsets.UTF_8);
        out.accept(startTags.isEmpty() ? startLine : withTags(startLine, MessageTags.format(startTags)));
        String inside = "batch=" + id;
        for (byte[] line : lines) {
            out.accept(withTags(line, inside));
        }
        out.accept((":" + server + " BATCH -" + id + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A copy of {@code line} with {@code tags} ({@code key=value;...}, escaped already) in front of
     * any tags it has.
     */
    static byte[] withTags(byte[] line, String tags) {
        byte[] add = tags.getBytes(StandardCharsets.UTF_8);
        boolean tagged = line.length > 0 && line[0] == '@';
        byte[] out = new byte[line.length + add.length + (tagged ? 1 : 2)];
        out[0] = '@';
        System.arraycopy(add, 0, out, 1, add.length);
        if (tagged) { // "@" + tags + ";" + the line's own tags and the rest
            out[1 + add.length] = ';';
            System.arraycopy(line, 1, out, 2 + add.length, line.length - 1);
        } else { // "@" + tags + " " + line
            out[1 + add.length] = ' ';
            System.arraycopy(line, 0, out, 2 + add.length, line.length);
        }
        return out;
    }
}
