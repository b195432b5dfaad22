package org.chatroom.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff: attempt 1 waits {@code base}, each next attempt doubles, never past {@code cap};
 * then up to {@code jitter} (0..1) of the delay is taken off at random, so that many clients
 * dropped at once do not come back in step.
 */
public record ReconnectPolicy(Duration base, Duration cap, double jitter) {

    /** 1 s doubling to 30 s with 20 % jitter. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);

    public ReconnectPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be positive: " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap " + cap + " is below base " + base);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
        }
    }

    /** The delay before attempt {@code attempt} (1-based), without jitter. */
    public Duration nominalDelay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
        long ms = base.toMillis();
        long capMs = cap.toMillis();
        for (int i = 1; i < attempt && ms < capMs; i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, capMs));
    }

    /** The delay before attempt {@code attempt} (1-based), with jitter drawn from {@code random}. */
    public Duration delay(int attempt, RandomGenerator random) {
        long ms = nominalDelay(attempt).toMillis();
        long off = jitter == 0 ? 0 : (long) (ms * jitter * random.nextDouble());
        return Duration.ofMillis(Math.max(1, ms - off));
    }
}
