package org.chatroom.server.net;

/** Errors after which the daemon must not go on (it exits, and its supervisor starts a fresh one). */
final class FatalErrors {
    private FatalErrors() {
    }

    /** An {@link OutOfMemoryError} anywhere in the cause chain (Netty wraps some in its own exceptions). */
    static boolean isOutOfMemory(Throwable t) {
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
