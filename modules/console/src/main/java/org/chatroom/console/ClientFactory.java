package org.chatroom.console;

import org.chatroom.client.cli.ClientOptions;
import java.time.Duration;
import org.chatroom.client.ClientConfig;
import org.chatroom.client.Credentials;
import org.chatroom.client.ReconnectPolicy;

/** Builds the client configuration from the options; tests substitute a faster reconnect policy. */
final class ClientFactory {
    private final ReconnectPolicy policy;

    ClientFactory(ReconnectPolicy policy) {
        this.policy = policy;
    }

    static ClientFactory defaults() {
        return new ClientFactory(ReconnectPolicy.DEFAULT);
    }

    ClientConfig config(ClientOptions options, String nick, boolean reconnect) {
        return config(options, nick, reconnect, null);
    }

    /** @param credentials the account to log in to, or null */
    ClientConfig config(ClientOptions options, String nick, boolean reconnect, Credentials credentials) {
        ClientConfig.Builder b = ClientConfig.builder(options.host(), options.port(), nick).tls(options.tls());
        if (options.trust() != null) {
            b.trust(options.trust());
        }
        return b
                .realName(nick)
                .reconnect(reconnect)
                .reconnectPolicy(policy)
                .connectTimeout(Duration.ofSeconds(10))
                .quitTimeout(Duration.ofSeconds(5))
                .credentials(credentials)
                .build();
    }
}
