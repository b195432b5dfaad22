package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.chatroom.protocol.IrcMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepAliveHandlerTest {
    private static final long INTERVAL = Duration.ofSeconds(90).toNanos();
    private static final long TIMEOUT = Duration.ofSeconds(60).toNanos();

    private final MockTicker ticker = Ticker.newMockTicker();
    private final EventRecorder recorder = new EventRecorder();
    private EmbeddedChannel ch;

    @BeforeEach
    void open() {
        ch = EmbeddedChannel.builder().ticker(ticker)
                .handlers(new KeepAliveHandler(() -> INTERVAL, () -> TIMEOUT), recorder).build();
    }

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
    }

    private void advance(long seconds) {
        ticker.advance(seconds, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void aSilentClientIsPingedAfterTheIntervalAndDroppedAfterTheTimeout() {
        advance(89);
        assertThat(recorder.events).isEmpty();
        advance(1);
        assertThat(recorder.events).containsExactly(ConnectionEvent.PING_DUE);
        advance(59);
        assertThat(recorder.events).hasSize(1);
        advance(1);
        assertThat(recorder.events).last().isEqualTo(new ConnectionEvent.Drop("Ping timeout: 150 seconds"));
    }

    @Test
    void anyLineAfterThePingKeepsTheClient() {
        advance(90);
        ch.writeInbound(IrcMessage.of("PONG", "x"));
        advance(60);
        assertThat(recorder.events).containsExactly(ConnectionEvent.PING_DUE);
        assertThat(recorder.messages).hasSize(1);
    }

    @Test
    void aClientThatTalksIsNeverPinged() {
        for (int i = 0; i < 10; i++) {
            advance(80);
            ch.writeInbound(RejectedLine.empty());
        }
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void closingCancelsTheTimer() {
        ch.close();
        advance(1000);
        assertThat(recorder.events).isEmpty();
        assertThat(ch.runScheduledPendingTasks()).as("nothing left scheduled").isEqualTo(-1);
    }
}
