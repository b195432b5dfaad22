package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chatroom.protocol.IrcMessage;
import org.junit.jupiter.api.Test;

class FloodControlHandlerTest {
    private final MockTicker ticker = Ticker.newMockTicker();
    private final EventRecorder recorder = new EventRecorder();

    private EmbeddedChannel open(boolean exempt) {
        var context = TestContexts.with(Map.of("flood.burst", "5", "flood.rate", "2", "flood.max.queued", "3"));
        return EmbeddedChannel.builder().ticker(ticker)
                .handlers(new FloodControlHandler(context, exempt), recorder).build();
    }

    private static IrcMessage line(int i) {
        return IrcMessage.of("PRIVMSG", "#r", "line " + i);
    }

    @Test
    void theBurstPassesAtOnceAndTheRestIsReleasedAtTheRate() {
        EmbeddedChannel ch = open(false);
        for (int i = 0; i < 7; i++) {
            ch.writeInbound(line(i));
        }
        assertThat(recorder.messages).hasSize(5);
        ticker.advance(500, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(recorder.messages).hasSize(6);
        ticker.advance(500, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(recorder.messages).containsExactly(line(0), line(1), line(2), line(3), line(4), line(5), line(6));
        assertThat(recorder.events).isEmpty();
        ch.finishAndReleaseAll();
    }

    @Test
    void everyKindOfLineCostsTokensAndAFloodIsDropped() {
        EmbeddedChannel ch = open(false);
        for (int i = 0; i < 5; i++) {
            ch.writeInbound(i % 2 == 0 ? RejectedLine.empty() : IrcMessage.of("PONG", "x"));
        }
        ch.writeInbound(RejectedLine.overlong(), RejectedLine.overlong(), RejectedLine.overlong());
        assertThat(recorder.events).isEmpty();
        ch.writeInbound(IrcMessage.of("PONG", "x"));
        assertThat(recorder.events).containsExactly(new ConnectionEvent.Drop("Excess Flood"));
        assertThat(recorder.messages).hasSize(5);
        ch.writeInbound(line(99));
        assertThat(recorder.messages).as("nothing passes once dropped").hasSize(5);
        ch.finishAndReleaseAll();
    }

    @Test
    void anExemptClientIsNeverHeld() {
        EmbeddedChannel ch = open(true);
        for (int i = 0; i < 100; i++) {
            ch.writeInbound(line(i));
        }
        assertThat(recorder.messages).hasSize(100);
        assertThat(recorder.events).isEmpty();
        ch.finishAndReleaseAll();
    }

    @Test
    void closingDropsWhatIsHeldAndCancelsTheRelease() {
        EmbeddedChannel ch = open(false);
        for (int i = 0; i < 7; i++) {
            ch.writeInbound(line(i));
        }
        ch.close();
        ticker.advance(10, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(recorder.messages).hasSize(5);
        ch.finishAndReleaseAll();
    }
}
