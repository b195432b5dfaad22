package org.chatroom.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.core.Lane;
import org.chatroom.server.core.Outbound;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.core.ServerStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Membership costs O(1) per join: filling a room with 10,000 members takes about four times as long
 * as with 2,500, not sixteen (the old copy-on-write arrays rebuilt every member list per join). The
 * announcements a join makes are another matter: one line to every member is O(n) per join by the
 * protocol; both are printed, and written down in docs/PERFORMANCE.md.
 */
@Timeout(120)
class JoinScalingTest {
    private static final ServerStats STATS = new ServerStats();

    /** Runs everything inline, as if the caller were on the lane. */
    private static final Lane INLINE = new Lane() {
        @Override
        public boolean inLane() {
            return true;
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public java.util.concurrent.Future<?> schedule(Runnable task, java.time.Duration delay) {
            throw new UnsupportedOperationException("no timers in this benchmark-like test");
        }
    };

    private static final class Discard implements Outbound {
        long written;

        @Override
        public Lane lane() {
            return INLINE;
        }

        @Override
        public void write(byte[] line) {
            written += line.length;
        }

        @Override
        public void close(byte[] lastLine) {
        }

        @Override
        public void abort() {
        }

        @Override
        public void pauseReading() {
        }

        @Override
        public void resumeReading() {
        }
    }

    private static List<Client> users(ChatRegistry registry, int n) {
        List<Client> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Client c = new Client(new Discard(), STATS, "10.0.0.1", "10.0.0.1:1", false);
            registry.claimNick(c, "u" + i);
            out.add(c);
        }
        return out;
    }

    /** Nanoseconds to join {@code n} users to one room, best of seven; announcing each join if asked. */
    private static long fill(int n, boolean announce) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            ChatRegistry registry = new ChatRegistry();
            List<Client> all = users(registry, n);
            long t0 = System.nanoTime();
            for (Client c : all) {
                JoinResult r = registry.join(c, "#big", null, true);
                if (announce) {
                    r.room().broadcast(OutboundLine.of(IrcMessage.from(c.prefix(), "JOIN", "#big")), null, STATS);
                }
            }
            best = Math.min(best, System.nanoTime() - t0);
            assertThat(registry.rooms().get("#big").size()).isEqualTo(n);
        }
        return best;
    }

    @Test
    void fillingARoomGrowsLinearlyWithItsSize() {
        fill(20_000, false); // warm-up
        long quarter = fill(2_500, false);
        long half = fill(5_000, false);
        long full = fill(10_000, false);
        long big = fill(20_000, false);
        System.out.printf("join scaling, membership only: 2,500 %.1f ms, 5,000 %.1f ms, 10,000 %.1f ms,"
                + " 20,000 %.1f ms%n", quarter / 1e6, half / 1e6, full / 1e6, big / 1e6);
        fill(5_000, true);
        System.out.printf("join scaling, with every join announced to the room: 2,500 %.1f ms, 5,000 %.1f ms,"
                + " 10,000 %.1f ms%n", fill(2_500, true) / 1e6, fill(5_000, true) / 1e6, fill(10_000, true) / 1e6);
        // 8x the members: linear is 8x the time, quadratic (the old copy per join) 64x. The best of seven
        // rounds keeps a busy machine's noise far inside that gap.
        assertThat((double) big / quarter).as("8x the members: about 8x the time (quadratic would be 64x)")
                .isLessThan(24.0);
    }
}
