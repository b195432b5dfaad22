package org.chatroom.server.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.MessageTags;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.Lane;
import org.chatroom.server.core.Outbound;
import org.chatroom.server.state.Client;

/**
 * IRCv3 {@code labeled-response} for one command: while the command runs, the client's output is
 * diverted here ({@link Client#divert}) and collected; {@link #finish} then sends it labeled — an
 * {@code ACK} for nothing, the label on the one line, or a {@code labeled-response} batch. Only the
 * asking client's own output passes through here, so what others receive is never labeled.
 *
 * <p>Lines that every member gets in one order (MODE, TOPIC) reach the sender as lane tasks queued
 * while the command ran, so the response stays open until the lane has run them ({@link #openWindow}):
 * meanwhile lines from the client itself join it, and anything else ends it first, so nothing
 * is ever reordered — at worst an echo comes after the response, unlabeled.
 */
final class LabeledResponse implements Outbound {
    /** The spec's bound on a label; a longer one is ignored. */
    static final int MAX_LABEL_BYTES = 64;

    private final Outbound out;
    private final String server;
    private final String label;
    private final String batchId;
    private final List<byte[]> lines = new ArrayList<>();
    private byte[] ownSource; // set while the window is open: ":nick!user@host " of the asking client
    private boolean finished;

    LabeledResponse(Outbound out, String server, String label, String batchId) {
        this.out = out;
        this.server = server;
        this.label = label;
        this.batchId = batchId;
    }

    /** The label {@code m} asks for, or null when it has none or {@code c} did not negotiate the caps it needs. */
    static String labelOf(IrcMessage m, Client c) {
        String label = m.tags().get("label");
        if (label == null || label.isEmpty() || !c.has(Cap.LABELED_RESPONSE) || !c.has(Cap.BATCH)
                || label.getBytes(StandardCharsets.UTF_8).length > MAX_LABEL_BYTES) {
            return null;
        }
        return label;
    }

    /** The command is done; until {@link #finish}, only lines from {@code prefix} belong to its response. */
    void openWindow(String prefix) {
        ownSource = (":" + prefix + " ").getBytes(StandardCharsets.UTF_8);
    }

    boolean finished() {
        return finished;
    }

    /** Sends what was collected, labeled, to the transport; once only. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        String tag = MessageTags.format(Map.of("label", label));
        if (lines.isEmpty()) {
            out.write(Batches.withTags(IrcMessage.from(server, "ACK").toLine().concat("\r\n")
                    .getBytes(StandardCharsets.UTF_8), tag));
        } else if (lines.size() == 1) {
            out.write(Batches.withTags(lines.get(0), tag));
        } else {
            Batches.send(out::write, server, batchId, "labeled-response", Map.of("label", label), lines);
        }
        lines.clear();
    }

    @Override
    public Lane lane() {
        return out.lane();
    }

    @Override
    public void write(byte[] line) {
        if (!finished && (ownSource == null || sourcedBy(line, ownSource))) {
            lines.add(line);
            return;
        }
        finish(); // someone else's line: what came before it is the whole response
        out.write(line);
    }

    /** Whether {@code line} (tags skipped) starts with {@code source}. */
    static boolean sourcedBy(byte[] line, byte[] source) {
        int at = 0;
        if (line.length > 0 && line[0] == '@') {
            while (at < line.length && line[at] != ' ') {
                at++;
            }
            at++;
        }
        if (line.length - at < source.length) {
            return false;
        }
        for (int i = 0; i < source.length; i++) {
            if (line[at + i] != source[i]) {
                return false;
            }
        }
        return true;
    }

    /** The session ends inside the command (QUIT, a refused password): the response goes first. */
    @Override
    public void close(byte[] lastLine) {
        finish();
        out.close(lastLine);
    }

    @Override
    public void abort() {
        out.abort();
    }

    @Override
    public void pauseReading() {
        out.pauseReading();
    }

    @Override
    public void resumeReading() {
        out.resumeReading();
    }

    @Override
    public void registered() {
        out.registered();
    }
}
