package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionHandlerTest {
    private final ConnectionLimiter limiter = new ConnectionLimiter(TestContexts.with(
            Map.of("max.clients", "2", "max.connections.per.ip", "5", "limits.exempt", "")));

    private EmbeddedChannel connect(String ip, EventRecorder recorder) throws Exception {
        return new EmbeddedChannel(new AdmissionHandler(limiter, InetAddress.getByName(ip)), recorder);
    }

    @Test
    void pastTheLimitAConnectionGetsOneErrorLineAndIsClosedUnseen() throws Exception {
        EmbeddedChannel a = connect("10.0.0.1", new EventRecorder());
        EmbeddedChannel b = connect("10.0.0.2", new EventRecorder());
        EventRecorder third = new EventRecorder();
        EmbeddedChannel c = connect("10.0.0.3", third);
        ByteBuf error = c.readOutbound();
        assertThat(error.toString(StandardCharsets.UTF_8)).isEqualTo("ERROR :Closing link: Server full\r\n");
        error.release();
        assertThat(c.isActive()).isFalse();
        assertThat(third.active).as("the rest of the pipeline never heard of it").isFalse();
        a.close();
        EmbeddedChannel d = connect("10.0.0.4", new EventRecorder());
        assertThat(d.isActive()).as("a closed connection gave its place back").isTrue();
        assertThat((Object) d.readOutbound()).isNull();
        b.finishAndReleaseAll();
        d.finishAndReleaseAll();
    }
}
