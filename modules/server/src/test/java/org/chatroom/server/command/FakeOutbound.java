package org.chatroom.server.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chatroom.server.core.Outbound;

/** The core's outbound port as a list of lines: what a transport would have sent. */
final class FakeOutbound implements Outbound {
    private final TestLane lane;
    final List<String> lines = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    volatile boolean paused;

    FakeOutbound(TestLane lane) {
        this.lane = lane;
    }

    @Override
    public TestLane lane() {
        return lane;
    }

    private void checkLane() {
        if (!lane.inLane()) {
            throw new AssertionError("outbound used off its lane from " + Thread.currentThread().getName());
        }
    }

    @Override
    public void write(byte[] line) {
        checkLane();
        if (!closed) {
            String s = new String(line, StandardCharsets.UTF_8);
            lines.add(s.substring(0, s.length() - 2));
        }
    }

    @Override
    public void close(byte[] lastLine) {
        write(lastLine);
        closed = true;
    }

    @Override
    public void abort() {
        checkLane();
        closed = true;
    }

    @Override
    public void pauseReading() {
        checkLane();
        paused = true;
    }

    @Override
    public void resumeReading() {
        checkLane();
        paused = false;
    }
}
