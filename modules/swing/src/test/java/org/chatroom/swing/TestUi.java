package org.chatroom.swing;

import java.util.ArrayDeque;
import java.util.Queue;

/** The test thread as the UI thread: posted tasks wait in a queue until {@link #drain()}. */
final class TestUi implements UiThread {
    private final Thread owner = Thread.currentThread();
    private final Queue<Runnable> queue = new ArrayDeque<>();

    @Override
    public synchronized void post(Runnable task) {
        queue.add(task);
    }

    @Override
    public void check() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("off the UI thread: " + Thread.currentThread().getName());
        }
    }

    /** Runs what was posted, including what those tasks post. */
    void drain() {
        check();
        while (true) {
            Runnable r;
            synchronized (this) {
                r = queue.poll();
            }
            if (r == null) {
                return;
            }
            r.run();
        }
    }
}
