package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import org.chatroom.server.config.ConfigException;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerStartException;
import org.junit.jupiter.api.Test;

/** The choice of transport with given availabilities (the real ones are exercised by {@link TransportTest}). */
class TransportChoiceTest {
    private static final Function<Transport, Throwable> ALL = t -> null;
    private static final Function<Transport, Throwable> NO_EPOLL =
            t -> t == Transport.EPOLL ? new UnsatisfiedLinkError("no netty_transport_native_epoll_x86_64") : null;
    private static final Function<Transport, Throwable> NO_URING =
            t -> t == Transport.IO_URING ? new UnsupportedOperationException("io_uring_setup: Operation not permitted") : null;
    private static final Function<Transport, Throwable> NO_NATIVE = t -> t == Transport.NIO ? null
            : new IllegalStateException("failed to load the library", new UnsatisfiedLinkError("no netty_transport\nhere"));

    @Test
    void autoTakesTheBestAvailableAndSaysWhatItPassedOver() {
        TransportChoice all = TransportChoice.choose("auto", ALL);
        assertThat(all.transport()).isEqualTo(Transport.EPOLL);
        assertThat(all.describe()).isEqualTo("epoll");
        assertThat(TransportChoice.choose("auto", NO_URING).transport()).isEqualTo(Transport.EPOLL);

        TransportChoice uring = TransportChoice.choose("auto", NO_EPOLL);
        assertThat(uring.transport()).isEqualTo(Transport.IO_URING);
        assertThat(uring.describe()).isEqualTo("io_uring (passed over epoll: no netty_transport_native_epoll_x86_64)");

        TransportChoice nio = TransportChoice.choose("auto", NO_NATIVE);
        assertThat(nio.transport()).isEqualTo(Transport.NIO);
        assertThat(nio.passedOver()).hasSize(2)
                .allSatisfy(r -> assertThat(r).contains("failed to load the library: no netty_transport here"));
        assertThat(nio.describe()).doesNotContain("\n");
    }

    @Test
    void anExplicitChoiceIsTakenWhenAvailable() {
        for (Transport t : Transport.values()) {
            assertThat(TransportChoice.choose(t.configName(), ALL).transport()).isEqualTo(t);
        }
        assertThat(TransportChoice.choose("epoll", NO_URING).passedOver()).isEmpty();
    }

    @Test
    void anExplicitChoiceThatCannotRunIsAOneLineStartError() {
        assertThatThrownBy(() -> TransportChoice.choose("io_uring", NO_URING))
                .isInstanceOf(ServerStartException.class)
                .hasMessage("transport=io_uring is not available on this machine (io_uring_setup: Operation not"
                        + " permitted); use transport=auto to take the best one available, or nio");
        assertThatThrownBy(() -> TransportChoice.choose("epoll", NO_NATIVE))
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith("transport=epoll is not available on this machine (failed to load")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theConfigKeyTakesTheFourWordsOnly() {
        assertThat(ServerConfig.defaults(Map.of()).get(ServerConfigKeys.TRANSPORT)).isEqualTo("auto");
        assertThat(ServerConfig.defaults(Map.of("transport", "io_uring")).get(ServerConfigKeys.TRANSPORT)).isEqualTo("io_uring");
        assertThatThrownBy(() -> ServerConfig.defaults(Map.of("transport", "kqueue")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transport")
                .hasMessageContaining("is not one of auto, io_uring, epoll, nio");
    }
}
