package org.chatroom.server.store.jdbc;

/** Turns a database's error into one line an operator can act on; each engine knows its own codes. */
@FunctionalInterface
public interface SqlErrors {
    String describe(Throwable e);

    /** The first line of the message, for errors an engine has no better words for. */
    static String firstLine(Throwable e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }
}
