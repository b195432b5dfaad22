package org.chatroom.server.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.net.NetResources;

/**
 * The HTTP listeners: {@code http.port} (and {@code https.port}) serve the web client, the IRCv3
 * WebSocket at {@code /socket}, {@code /health} and, unless {@code metrics.bind} moves it to a
 * listener of its own, {@code /metrics}. They run on the daemon's event loops and share the TCP
 * transport's limits and output budget.
 */
public final class WebServer {
    private final ServerContext context;
    private final WebResources web;
    private final ChannelGroup all = new DefaultChannelGroup("http", GlobalEventExecutor.INSTANCE);
    private final List<Channel> listeners = new ArrayList<>();
    private Channel http;
    private Channel https;
    private Channel metrics;

    /** {@code sessions}: the daemon's group of IRC connections, told when the server goes away. */
    public WebServer(ServerContext context, NetResources net, ChannelGroup sessions, BooleanSupplier ready) {
        this.context = context;
        AtomicInteger count = new AtomicInteger();
        WebMetrics m = context.config().get(ServerConfigKeys.METRICS_ENABLED) ? new WebMetrics(context.stats(), count::get) : null;
        this.web = new WebResources(context, net, new StaticFiles(), m, ready, sessions, count,
                new HttpConnections());
    }

    /**
     * Binds every listener the configuration asks for with {@code binder} (the daemon's bootstrap);
     * {@code tls} is needed only with {@code https.enabled}.
     */
    public WebServer start(BiFunction<InetSocketAddress, ChannelHandler, Channel> binder, InetAddress defaultBind,
                           SslContext tls) {
        ServerConfig cfg = context.config();
        InetAddress bind = cfg.get(ServerConfigKeys.HTTP_BIND).orElse(defaultBind);
        boolean ownMetrics = web.metrics() != null && cfg.get(ServerConfigKeys.METRICS_BIND).isPresent();
        WebInitializer.Role role = ownMetrics || web.metrics() == null
                ? WebInitializer.Role.CLIENT : WebInitializer.Role.CLIENT_AND_METRICS;
        http = listen(binder, bind, cfg.get(ServerConfigKeys.HTTP_PORT), new WebInitializer(web, all, role, null));
        if (cfg.get(ServerConfigKeys.HTTPS_ENABLED)) {
            https = listen(binder, bind, cfg.get(ServerConfigKeys.HTTPS_PORT), new WebInitializer(web, all, role, tls));
        }
        if (ownMetrics) {
            metrics = listen(binder, cfg.get(ServerConfigKeys.METRICS_BIND).get(), cfg.get(ServerConfigKeys.METRICS_PORT),
                    new WebInitializer(web, all, WebInitializer.Role.METRICS, null));
        }
        return this;
    }

    private Channel listen(BiFunction<InetSocketAddress, ChannelHandler, Channel> binder, InetAddress address, int port,
                           WebInitializer initializer) {
        Channel ch = binder.apply(new InetSocketAddress(address, port), initializer);
        listeners.add(ch);
        return ch;
    }

    /** Where each listener is, for the start-up log line: {@code 0.0.0.0:8080 (HTTP)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, http, "HTTP");
        append(sb, https, "HTTPS");
        append(sb, metrics, "metrics");
        return sb.toString();
    }

    private static void append(StringBuilder sb, Channel ch, String what) {
        if (ch != null) {
            InetSocketAddress a = (InetSocketAddress) ch.localAddress();
            sb.append(sb.length() > 0 ? " and " : "").append(a.getAddress().getHostAddress()).append(':')
                    .append(a.getPort()).append(" (").append(what).append(')');
        }
    }

    public int httpPort() {
        return port(http, "http.enabled=false");
    }

    public int httpsPort() {
        return port(https, "https.enabled=false");
    }

    public int metricsPort() {
        return port(metrics, "metrics.bind is empty: /metrics is on the HTTP listener");
    }

    private static int port(Channel ch, String why) {
        if (ch == null) {
            throw new IllegalStateException("no such listener (" + why + ")");
        }
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }

    /** First step of shutdown: accept nobody new. */
    public void closeListeners() {
        for (Channel l : listeners) {
            l.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    /** Last step: close what is left (plain HTTP connections; IRC sessions were told and closed by the daemon). */
    public void closeConnections() {
        all.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
