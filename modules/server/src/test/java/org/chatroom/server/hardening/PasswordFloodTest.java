package org.chatroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatroom.server.ChatServer;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Wrong passwords cost the password pool, never the event loop: with one loop and eight
 * connections sending wrong passwords back to back, a registered bystander's PING still comes back
 * at once. A check takes 0.2-0.3 s of CPU, so checks on the loop would hold every PING for that
 * long; the bound below is five times under that, the figure measured is in docs/PERFORMANCE.md.
 */
@Timeout(60)
class PasswordFloodTest {
    private static final int ATTACKERS = 8;
    private static final long ATTACK_MILLIS = Long.getLong("passwordFlood.millis", 3000);

    @Test
    void wrongPasswordsNeverDelayABystandersPing() throws Exception {
        Map<String, String> cfg = Map.of("worker.threads", "1",
                "server.password", PasswordHash.create("sesame".toCharArray()).toString(),
                "connect.rate.per.ip", "100000", "max.connections.per.ip", "1000", "flood.exempt", "127.0.0.1");
        try (ChatServer s = TestServer.start(cfg); IrcTestClient bob = new IrcTestClient(s.port())) {
            bob.send("PASS sesame");
            bob.send("NICK bob");
            bob.send("USER bob 0 * :Bob");
            bob.awaitContains(" 001 bob ");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger refused = new AtomicInteger();
            List<Thread> attackers = new ArrayList<>();
            for (int i = 0; i < ATTACKERS; i++) {
                Thread t = new Thread(() -> attack(s.port(), stop, refused), "attacker-" + i);
                t.setDaemon(true);
                t.start();
                attackers.add(t);
            }
            long[] rtt = new long[100_000];
            int n = 0;
            long end = System.nanoTime() + ATTACK_MILLIS * 1_000_000;
            while (System.nanoTime() < end && n < rtt.length) {
                long t0 = System.nanoTime();
                bob.sync();
                rtt[n++] = System.nanoTime() - t0;
            }
            stop.set(true);
            for (Thread t : attackers) {
                t.join(5000);
            }
            long[] sorted = Arrays.copyOf(rtt, n);
            Arrays.sort(sorted);
            double p50 = sorted[n / 2] / 1e6;
            double p99 = sorted[(int) (n * 0.99)] / 1e6;
            double max = sorted[n - 1] / 1e6;
            System.out.printf("password flood: %d wrong passwords refused, %d PINGs, p50 %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms%n", refused.get(), n, p50, p99, max);
            assertThat(refused.get()).as("the attack ran").isGreaterThan(ATTACKERS);
            assertThat(p99).as("bystander PING p99 (ms); one check on the loop would hold it 200+ ms").isLessThan(150.0);
        }
    }

    /** Connects, sends a wrong password with NICK and USER, reads until the server closes; again. */
    private static void attack(int port, AtomicBoolean stop, AtomicInteger refused) {
        byte[] hello = "PASS wrong\r\nNICK x\r\nUSER x 0 * :x\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[4096];
        while (!stop.get()) {
            try (Socket sock = new Socket()) {
                sock.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                sock.setSoTimeout(5000);
                OutputStream out = sock.getOutputStream();
                out.write(hello);
                out.flush();
                InputStream in = sock.getInputStream();
                StringBuilder got = new StringBuilder();
                int r;
                while ((r = in.read(buf)) > 0) {
                    got.append(new String(buf, 0, r, StandardCharsets.US_ASCII));
                }
                if (got.indexOf(" 464 ") >= 0) {
                    refused.incrementAndGet();
                }
            } catch (java.io.IOException e) {
                // reset or timed out: try again
            }
        }
    }
}
