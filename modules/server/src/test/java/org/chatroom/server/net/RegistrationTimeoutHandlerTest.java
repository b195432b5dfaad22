package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RegistrationTimeoutHandlerTest {
    private final MockTicker ticker = Ticker.newMockTicker();
    private final EventRecorder recorder = new EventRecorder();

    private EmbeddedChannel open() {
        return EmbeddedChannel.builder().ticker(ticker)
                .handlers(new RegistrationTimeoutHandler(TimeUnit.SECONDS.toNanos(30)), recorder).build();
    }

    @Test
    void theDeadlineFiresOnceAfterTheTimeout() {
        EmbeddedChannel ch = open();
        ticker.advance(29_999, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(recorder.events).isEmpty();
        ticker.advance(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(recorder.events).containsExactly(ConnectionEvent.REGISTRATION_DUE);
        ticker.advance(1, TimeUnit.HOURS);
        ch.runScheduledPendingTasks();
        assertThat(recorder.events).hasSize(1);
        ch.finishAndReleaseAll();
    }

    @Test
    void closingCancelsTheDeadlineSoTheChannelIsNotKept() {
        EmbeddedChannel ch = open();
        ch.close();
        assertThat(ch.runScheduledPendingTasks()).as("no timer holds the closed channel").isEqualTo(-1);
        ticker.advance(1, TimeUnit.MINUTES);
        ch.runScheduledPendingTasks();
        assertThat(recorder.events).isEmpty();
        ch.finishAndReleaseAll();
    }

    @Test
    void onceRegisteredTheHandlerLeavesThePipelineAndTakesItsTimer() {
        EmbeddedChannel ch = open();
        RegistrationTimeoutHandler.doneWith(ch.pipeline());
        assertThat(ch.pipeline().get(RegistrationTimeoutHandler.class)).isNull();
        assertThat(ch.runScheduledPendingTasks()).as("no timer left").isEqualTo(-1);
        ticker.advance(1, TimeUnit.MINUTES);
        ch.runScheduledPendingTasks();
        assertThat(recorder.events).isEmpty();
        RegistrationTimeoutHandler.doneWith(ch.pipeline()); // a second time is harmless
        ch.finishAndReleaseAll();
    }
}
