package org.chatroom.server.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import java.net.InetAddress;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;

/**
 * The handlers every IRC connection runs after its transport has produced lines, whatever carries
 * them (TCP here, WebSocket in {@code web}): one definition, so each limit applies to every
 * transport by the user's real address.
 */
public final class SessionPipeline {
    private SessionPipeline() {
    }

    /** Per-address limits and the connect rate for {@code address}; put it before anything reads. */
    public static ChannelHandler admission(NetResources net, InetAddress address) {
        return new AdmissionHandler(net.limiter, address);
    }

    /**
     * Adds, in order: UTF-8 check and parse, keep-alive, registration deadline, flood control and
     * the adapter to the core. The handlers before them must deliver one line per {@code ByteBuf},
     * without its delimiter.
     */
    public static void addSession(ChannelPipeline p, NetResources net, InetAddress address, String remote,
                                  boolean secure) {
        ServerContext context = net.context;
        var cfg = context.config();
        p.addLast("decoder", net.lineDecoder);
        p.addLast("keepalive", new KeepAliveHandler(
                () -> context.config().get(ServerConfigKeys.PING_INTERVAL).toNanos(),
                () -> context.config().get(ServerConfigKeys.PING_TIMEOUT).toNanos()));
        p.addLast("registration", new RegistrationTimeoutHandler(cfg.get(ServerConfigKeys.REGISTRATION_TIMEOUT).toNanos()));
        p.addLast("flood", new FloodControlHandler(context, cfg.get(ServerConfigKeys.FLOOD_EXEMPT).contains(address)));
        p.addLast("client", new ClientHandler(net, address.getHostAddress(), remote, secure));
    }

    /** {@code 127.0.0.1:5123}, {@code [::1]:5123}: how users and logs name a connection. */
    public static String remote(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The longest line a client may send, tags included, delimiter excluded: the framer's limit. */
    public static int maxLineBytes(ServerContext context) {
        return context.config().get(ServerConfigKeys.MAX_LINE_BYTES) - 2 + IrcLineDecoder.MAX_TAG_BYTES;
    }
}
