package org.chatroom.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Makes clients for tests with a fast reconnect policy and closes them all afterwards. */
final class Clients implements AutoCloseable {
    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 0.2);

    private final List<ChatClient> made = new ArrayList<>();

    ClientConfig.Builder config(int port, String nick) {
        return ClientConfig.builder("127.0.0.1", port, nick)
                .reconnectPolicy(FAST)
                .connectTimeout(Duration.ofSeconds(2))
                .quitTimeout(Duration.ofSeconds(2));
    }

    ChatClient client(ClientConfig config, EventLog log) {
        ChatClient c = new ChatClient(config);
        c.addListener(log);
        made.add(c);
        return c;
    }

    @Override
    public void close() {
        for (ChatClient c : made) {
            c.close();
        }
    }
}
