package org.chatroom.console;

import java.util.List;
import java.util.function.Supplier;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatListener;

/**
 * The room that plain text goes to: the room we joined last, or where /join switched to; when we
 * leave it, another room we are still in. Updated on the reader thread, read by the main thread.
 */
final class RoomFocus implements ChatListener {
    private final Supplier<List<String>> rooms;
    private volatile String current;

    RoomFocus(Supplier<List<String>> rooms) {
        this.rooms = rooms;
    }

    String current() {
        return current;
    }

    void switchTo(String room) {
        current = room;
    }

    @Override
    public void onEvent(ChatEvent event) {
        if (event instanceof ChatEvent.Joined j && j.self()) {
            current = j.room();
        } else if (event instanceof ChatEvent.Parted p && p.self()) {
            leave(p.room());
        } else if (event instanceof ChatEvent.Kicked k && k.self()) {
            leave(k.room());
        } else if (event instanceof ChatEvent.ConnectionState s && s.status() == ChatEvent.ConnectionState.Status.CONNECTED
                && current == null) {
            List<String> in = rooms.get();
            current = in.isEmpty() ? null : in.get(0);
        }
    }

    private void leave(String room) {
        String c = current;
        if (c != null && c.equalsIgnoreCase(room)) {
            List<String> in = new java.util.ArrayList<>(rooms.get());
            in.removeIf(r -> r.equalsIgnoreCase(room));
            current = in.isEmpty() ? null : in.get(in.size() - 1);
        }
    }
}
