package org.chatroom.server.net;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.ServerStats;
import org.chatroom.server.state.ChatRegistry;

/** A server context without a server, for handler tests. */
final class TestContexts {
    private TestContexts() {
    }

    static ServerContext with(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        all.putIfAbsent("motd.file", "target/no-such-motd.txt");
        return new ServerContext(ServerConfig.defaults(all), List.of(), new ChatRegistry(), new ServerStats(), "test");
    }
}
