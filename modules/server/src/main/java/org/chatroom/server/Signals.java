package org.chatroom.server;

/**
 * POSIX signal handlers through {@code sun.misc.Signal} (module jdk.unsupported, present and
 * working on JDK 17 through 25), kept behind this class so the rest of the daemon never sees it.
 */
final class Signals {
    private Signals() {
    }

    /**
     * Runs {@code handler} (on a thread of the JVM's) whenever SIG{@code name} arrives. Returns null
     * when installed, else one line saying why not.
     */
    static String handle(String name, Runnable handler) {
        try {
            sun.misc.Signal signal = new sun.misc.Signal(name);
            sun.misc.SignalHandler old = sun.misc.Signal.handle(signal, s -> handler.run());
            if (old == sun.misc.SignalHandler.SIG_IGN) {
                // The JVM keeps a signal ignored if it was ignored when the process started (nohup does
                // that to HUP): the handler is not installed, and saying so is all we can do.
                return "SIG" + name + " was ignored when the daemon was started (by nohup?), so it stays ignored";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "SIG" + name + " cannot be handled here (" + e.getMessage() + ")";
        } catch (LinkageError e) {
            return "this JVM has no sun.misc.Signal (module jdk.unsupported), so SIG" + name + " cannot be handled";
        }
    }
}
