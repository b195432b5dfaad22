package org.chatroom.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * What a WebSocket client of one {@link IoLoop} does with the bytes it read: first the server's
 * answer to the upgrade, then frames, each text frame one IRC line for the loop's line handler.
 * Answers pings, treats a close frame as the server closing, and refuses what the IRCv3 binding
 * does not produce (fragments, unknown opcodes). Allocation-free per frame.
 */
final class WsInput {
    private final IoLoop loop;
    private final WsFrame frame = new WsFrame();

    WsInput(IoLoop loop) {
        this.loop = loop;
    }

    /** Handles what it can of {@code buf[0, end)}; returns where the unfinished tail starts. */
    int consume(BenchClient c, byte[] buf, int end, long now) {
        int p = 0;
        if (c.state == BenchClient.State.HANDSHAKE) {
            int head = WsHandshake.headEnd(buf, 0, end);
            if (head < 0) {
                return 0;
            }
            String problem = c.handshake.check(buf, 0, head);
            c.handshake = null;
            if (problem != null) {
                loop.fail(c, c.nickText() + ": " + problem);
                return end;
            }
            loop.register(c);
            p = head;
        }
        while (p < end) {
            int r = frame.read(buf, p, end, BenchClient.MAX_LINE);
            if (r == WsFrame.INCOMPLETE) {
                break;
            }
            if (r == WsFrame.BROKEN) {
                loop.fail(c, c.nickText() + ": " + frame.error);
                return end;
            }
            if (!onFrame(c, buf, now)) {
                return end;
            }
            p = frame.payloadEnd;
        }
        return p;
    }

    /** False when the client was closed. */
    private boolean onFrame(BenchClient c, byte[] buf, long now) {
        int s = frame.payloadStart;
        int e = frame.payloadEnd;
        switch (frame.opcode) {
            case WsFrame.TEXT, WsFrame.BINARY -> {
                if (!frame.fin) {
                    loop.fail(c, c.nickText() + ": the server fragmented a line over several WebSocket frames");
                    return false;
                }
                if (e > s && buf[e - 1] == '\n') {
                    e--; // the IRCv3 binding sends no CRLF; one that does anyway means the same line
                }
                if (e > s && buf[e - 1] == '\r') {
                    e--;
                }
                if (e > s) {
                    loop.onLine(c, s, e, now);
                }
            }
            case WsFrame.PING -> c.frame(WsFrame.PONG, buf, s, e - s);
            case WsFrame.PONG -> {
                // an answer to nothing we sent: ignored, as RFC 6455 allows
            }
            case WsFrame.CLOSE -> {
                String why = e - s >= 2 ? " (" + (((buf[s] & 0xff) << 8) | (buf[s + 1] & 0xff))
                        + (e - s > 2 ? " " + new String(buf, s + 2, e - s - 2, StandardCharsets.UTF_8) : "") + ")" : "";
                loop.fail(c, c.nickText() + ": the server closed the WebSocket" + why);
            }
            default -> loop.fail(c, c.nickText() + ": the server sent a WebSocket frame with opcode " + frame.opcode);
        }
        return c.state != BenchClient.State.CLOSED;
    }
}
