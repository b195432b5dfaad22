package org.chatroom.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.chatroom.client.ChatEvent.ConnectionState;

/** Records every event a client reports, for assertions. */
final class EventLog implements ChatListener {
    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ChatEvent event) {
        events.add(event);
    }

    List<ChatEvent> all() {
        return List.copyOf(events);
    }

    <T extends ChatEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends ChatEvent> List<T> of(Class<T> type, Predicate<T> filter) {
        return of(type).stream().filter(filter).toList();
    }

    List<ConnectionState.Status> states() {
        return of(ConnectionState.class).stream().map(ConnectionState::status).toList();
    }

    void clear() {
        events.clear();
    }
}
