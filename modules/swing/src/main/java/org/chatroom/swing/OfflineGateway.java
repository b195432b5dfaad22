package org.chatroom.swing;

import java.util.concurrent.CompletableFuture;

/** The connection when there is none: sends nothing, quits at once. */
final class OfflineGateway implements ChatGateway {
    @Override
    public boolean say(String target, String text) {
        return false;
    }

    @Override
    public boolean action(String target, String text) {
        return false;
    }

    @Override
    public boolean join(String room) {
        return false;
    }

    @Override
    public boolean part(String room, String reason) {
        return false;
    }

    @Override
    public boolean names(String room) {
        return false;
    }

    @Override
    public boolean askTopic(String room) {
        return false;
    }

    @Override
    public boolean setTopic(String room, String text) {
        return false;
    }

    @Override
    public boolean changeNick(String nick) {
        return false;
    }

    @Override
    public boolean away(String message) {
        return false;
    }

    @Override
    public CompletableFuture<?> quit(String reason) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        // nothing open
    }
}
