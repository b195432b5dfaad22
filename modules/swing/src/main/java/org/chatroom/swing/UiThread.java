package org.chatroom.swing;

import javax.swing.SwingUtilities;

/**
 * The one thread that owns the model and the components: the EDT in the application, the test's own
 * thread in headless tests. Like DMDirc's {@code checkOnEDT()}, methods that touch UI state call
 * {@link #check()} first, so a stray network thread fails loudly instead of corrupting state.
 */
interface UiThread {
    /** Runs {@code task} on the UI thread, later. */
    void post(Runnable task);

    /** Throws unless called on the UI thread. */
    void check();

    /** The Swing event dispatch thread. */
    UiThread EDT = new UiThread() {
        @Override
        public void post(Runnable task) {
            SwingUtilities.invokeLater(task);
        }

        @Override
        public void check() {
            checkOnEdt();
        }
    };

    /** For components: throws {@link IllegalStateException} off the event dispatch thread. */
    static void checkOnEdt() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("Swing component touched off the EDT, on " + Thread.currentThread().getName());
        }
    }
}
