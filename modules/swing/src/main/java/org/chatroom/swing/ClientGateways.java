package org.chatroom.swing;

import java.time.Duration;
import java.util.List;
import org.chatroom.client.ChatClient;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatListener;
import org.chatroom.client.ClientConfig;
import org.chatroom.client.Credentials;
import org.chatroom.client.ReconnectPolicy;
import org.chatroom.client.TlsTrust;

/**
 * Opens real connections with the client library: reconnect with backoff, rooms rejoined. With TLS,
 * the certificate the user accepted in this run wins, then the command line's trust option, then the
 * certificate pinned for this server in an earlier run, then Java's trust store.
 */
final class ClientGateways implements GatewayFactory {
    private final GuiOptions options;
    private final ReconnectPolicy policy;
    private final CertificatePins pins;
    private TlsTrust accepted;
    /** The account from the login; once this run created it, logging in only (a manual reconnect must not REGISTER again). */
    private volatile Credentials credentials;

    ClientGateways(GuiOptions options, ReconnectPolicy policy, CertificatePins pins) {
        this.options = options;
        this.policy = policy;
        this.pins = pins;
        this.credentials = options.credentials();
    }

    @Override
    public ChatGateway open(String nick, List<String> rooms, ChatListener listener) {
        ClientConfig.Builder builder = ClientConfig.builder(options.host(), options.port(), nick)
                .tls(options.tls())
                .realName(nick)
                .reconnect(true)
                .reconnectPolicy(policy)
                .connectTimeout(Duration.ofSeconds(10))
                .quitTimeout(Duration.ofSeconds(3))
                .rooms(rooms)
                .credentials(credentials);
        TlsTrust trust = trust();
        if (options.tls() && trust != null) {
            builder.trust(trust);
        }
        ChatClient client = new ChatClient(builder.build());
        client.addListener(event -> {
            if (event instanceof ChatEvent.LoggedIn in && in.created() && credentials != null) {
                credentials = credentials.existing();
            }
        });
        client.addListener(listener);
        ClientGateway gateway = new ClientGateway(client);
        gateway.connect();
        return gateway;
    }

    /** The trust for the next connection; null for Java's trust store. */
    TlsTrust trust() {
        if (accepted != null) {
            return accepted;
        }
        if (options.trust() != null) {
            return options.trust();
        }
        return pins.pinned(server()).map(TlsTrust::fingerprint).orElse(null);
    }

    @Override
    public void trust(String sha256) {
        accepted = TlsTrust.fingerprint(sha256);
        pins.pin(server(), sha256);
    }

    @Override
    public String server() {
        return options.server();
    }
}
