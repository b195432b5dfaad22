package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.ServerStats;
import org.chatroom.server.state.ChatRegistry;
import org.junit.jupiter.api.Test;

/** {@code /health} before the daemon is ready and while it stops: what a load balancer reads. */
class HttpRouterTest {
    private final Map<String, String> cfg = new HashMap<>(Map.of("motd.file", "target/no-such-motd.txt"));
    private final ServerContext context = new ServerContext(ServerConfig.defaults(cfg), List.of(), new ChatRegistry(),
            new ServerStats(), "test");
    private final AtomicBoolean ready = new AtomicBoolean();

    private FullHttpResponse health() {
        WebResources web = new WebResources(context, null, new StaticFiles(), null,
                () -> ready.get() && !context.shuttingDown(), null, new AtomicInteger(), new HttpConnections());
        EmbeddedChannel ch = new EmbeddedChannel(new HttpRouter(web, WebInitializer.Role.CLIENT, false));
        ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/health"));
        FullHttpResponse r = ch.readOutbound();
        assertThat((Object) ch.readOutbound()).isNull();
        ch.finishAndReleaseAll();
        return r;
    }

    @Test
    void healthIs503WhileStartingThen200ThenAgain503WhileStopping() {
        FullHttpResponse starting = health();
        assertThat(starting.status().code()).isEqualTo(503);
        assertThat(starting.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"starting\"}\n");
        starting.release();
        ready.set(true);
        FullHttpResponse up = health();
        assertThat(up.status().code()).isEqualTo(200);
        up.release();
        context.markShuttingDown();
        FullHttpResponse stopping = health();
        assertThat(stopping.status().code()).isEqualTo(503);
        assertThat(stopping.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"stopping\"}\n");
        stopping.release();
    }
}
