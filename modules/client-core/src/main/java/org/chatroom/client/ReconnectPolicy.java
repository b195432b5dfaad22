package org.chatroom.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to try again. While an outage is younger than {@code steadyFor}, every attempt waits
 * {@code base} (a server that restarts is back within seconds, and people notice a long wait); after
 * that the delay doubles with each attempt, never past {@code cap}. Then up to {@code jitter} (0..1)
 * of the delay is taken off at random, so that many clients dropped at once do not come back in step.
 */
public record ReconnectPolicy(Duration base, Duration steadyFor, Duration cap, double jitter) {

    /** About every 2 s (1.5-2 s) for the first minute, then 4, 8, 15, 15 … s. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1),
            Duration.ofSeconds(15), 0.25);

    public ReconnectPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(steadyFor, "steadyFor");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be positive: " + base);
        }
        if (steadyFor.isNegative()) {
            throw new IllegalArgumentException("steadyFor must not be negative: " + steadyFor);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap " + cap + " is below base " + base);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
        }
    }

    /** Backoff from the first attempt: no steady phase. */
    public ReconnectPolicy(Duration base, Duration cap, double jitter) {
        this(base, Duration.ZERO, cap, jitter);
    }

    /** The delay before the {@code n}th attempt (1-based) past the steady phase, without jitter: base·2^(n-1), capped. */
    public Duration nominalDelay(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + n);
        }
        long ms = base.toMillis();
        long capMs = cap.toMillis();
        for (int i = 1; i < n && ms < capMs; i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, capMs));
    }

    /** The delay before the {@code n}th attempt past the steady phase, with jitter drawn from {@code random}. */
    public Duration delay(int n, RandomGenerator random) {
        return jittered(nominalDelay(n), random);
    }

    /**
     * The delay before the next attempt of an outage that began {@code outage} ago, when
     * {@code lateAttempt} attempts (this one included) have been made since it outgrew {@code steadyFor}.
     */
    public Duration delay(Duration outage, int lateAttempt, RandomGenerator random) {
        return outage.compareTo(steadyFor) < 0 ? jittered(base, random) : delay(Math.max(1, lateAttempt), random);
    }

    private Duration jittered(Duration nominal, RandomGenerator random) {
        long ms = nominal.toMillis();
        long off = jitter == 0 ? 0 : (long) (ms * jitter * random.nextDouble());
        return Duration.ofMillis(Math.max(1, ms - off));
    }
}
