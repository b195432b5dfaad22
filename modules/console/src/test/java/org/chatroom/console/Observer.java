package org.chatroom.console;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatClient;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ClientConfig;

/** A second user in #lobby, built on client-core, who records what it sees. */
final class Observer implements AutoCloseable {
    final ChatClient client;
    final List<ChatEvent> events = new CopyOnWriteArrayList<>();

    Observer(int port, String nick) throws Exception {
        client = new ChatClient(ClientConfig.builder("127.0.0.1", port, nick).reconnect(false)
                .quitTimeout(Duration.ofSeconds(2)).build());
        client.addListener(events::add);
        client.connect().get(5, TimeUnit.SECONDS);
    }

    <T extends ChatEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<String> roomTexts() {
        return of(ChatEvent.RoomMessage.class).stream().filter(m -> !m.self()).map(ChatEvent.RoomMessage::text).toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
