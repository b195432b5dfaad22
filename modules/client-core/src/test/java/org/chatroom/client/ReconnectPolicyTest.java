package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private final Random random = new Random(42);

    @Test
    void defaultTriesAboutEveryTwoSecondsForTheFirstMinute() {
        ReconnectPolicy p = ReconnectPolicy.DEFAULT;
        for (int s = 0; s < 60; s++) {
            Duration d = p.delay(Duration.ofSeconds(s), 0, random);
            // a server back at any moment of the first minute is retried within 2 s (rejoined within 3 s)
            assertThat(d).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(2));
        }
    }

    @Test
    void defaultThenBacksOffToFifteenSecondsAtMost() {
        ReconnectPolicy p = ReconnectPolicy.DEFAULT;
        assertThat(java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(p::nominalDelay).map(Duration::toSeconds))
                .containsExactly(2L, 4L, 8L, 15L, 15L, 15L);
        for (int late = 1; late < 50; late++) {
            assertThat(p.delay(Duration.ofMinutes(5), late, random)).isLessThanOrEqualTo(Duration.ofSeconds(15));
        }
        assertThat(p.delay(Duration.ofSeconds(65), 3, random)).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(8));
    }

    @Test
    void jitterTakesOffAtMostItsShare() {
        ReconnectPolicy p = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
        for (int attempt = 1; attempt < 10; attempt++) {
            for (int i = 0; i < 50; i++) {
                Duration nominal = p.nominalDelay(attempt);
                assertThat(p.delay(attempt, random)).isBetween(nominal.multipliedBy(8).dividedBy(10), nominal);
            }
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(-1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
