package org.chatroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 20,000 connect/close cycles leave nothing behind: after a full GC no client object is alive, at
 * once, not once a 30-second registration timer of each has fired. Counted with the JDK's class
 * histogram of this very process, which runs a full GC first.
 */
@Timeout(120)
class ChurnTest {
    private static final int CYCLES = 20_000;
    private static final int THREADS = 4;

    @Test
    void closedConnectionsAreFreedAtOnce() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("connect.rate.per.ip", "1000000",
                "max.connections.per.ip", "1000", "registration.timeout", "30s"))) {
            AtomicInteger done = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread th = new Thread(() -> {
                    while (done.getAndIncrement() < CYCLES) {
                        try (Socket sock = new Socket()) {
                            sock.setSoLinger(true, 0);
                            sock.connect(new InetSocketAddress("127.0.0.1", s.port()), 2000);
                        } catch (IOException e) {
                            // counted by the server or not: either way nothing may stay
                        }
                    }
                }, "churn-" + t);
                th.start();
                threads.add(th);
            }
            for (Thread th : threads) {
                th.join();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> s.stats().connections() == 0);
            // a connection reset before the server registered it never becomes a session; thousands do
            assertThat(s.stats().connectionsTotal()).as("sessions opened").isGreaterThan(1000);
            assertThat(liveInstances("org.chatroom.server.state.Client")).as("clients alive after a full GC").isZero();
            assertThat(liveInstances("org.chatroom.server.command.ChatSession")).isZero();
        }
    }

    /**
     * Instances of {@code className} in this JVM after a full GC: the class histogram jcmd prints,
     * asked of this JVM's own DiagnosticCommand MBean (no attach, which hangs on some JDKs).
     */
    static long liveInstances(String className) throws Exception {
        ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String out = (String) ManagementFactory.getPlatformMBeanServer().invoke(diagnostics, "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[3].equals(className)) {
                return Long.parseLong(f[1]);
            }
        }
        return 0;
    }
}
