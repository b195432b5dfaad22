package org.chatroom.swing;

import java.time.Duration;
import java.util.List;
import org.chatroom.client.ChatClient;
import org.chatroom.client.ChatListener;
import org.chatroom.client.ClientConfig;
import org.chatroom.client.ReconnectPolicy;

/** Opens real connections with the client library: reconnect with backoff, rooms rejoined. */
final class ClientGateways implements GatewayFactory {
    private final GuiOptions options;
    private final ReconnectPolicy policy;

    ClientGateways(GuiOptions options, ReconnectPolicy policy) {
        this.options = options;
        this.policy = policy;
    }

    @Override
    public ChatGateway open(String nick, List<String> rooms, ChatListener listener) {
        ClientConfig config = ClientConfig.builder(options.host(), options.port(), nick)
                .tls(options.tls())
                .realName(nick)
                .reconnect(true)
                .reconnectPolicy(policy)
                .connectTimeout(Duration.ofSeconds(10))
                .quitTimeout(Duration.ofSeconds(3))
                .rooms(rooms)
                .build();
        ChatClient client = new ChatClient(config);
        client.addListener(listener);
        ClientGateway gateway = new ClientGateway(client);
        gateway.connect();
        return gateway;
    }

    @Override
    public String server() {
        return (options.host().indexOf(':') >= 0 ? "[" + options.host() + "]" : options.host()) + ":" + options.port();
    }
}
