package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void defaultDoublesFromOneSecondToThirty() {
        ReconnectPolicy p = ReconnectPolicy.DEFAULT;
        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(p::nominalDelay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(p.nominalDelay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterTakesOffAtMostItsShare() {
        ReconnectPolicy p = ReconnectPolicy.DEFAULT;
        Random random = new Random(42);
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
    }
}
