package org.chatroom.server.admin;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.AdminTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live event stream: what it shows, how it ends, and how it protects the event loops from a slow admin. */
@Timeout(30)
class MonitorTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    @BeforeEach
    void setUp() throws Exception {
        fx.start();
    }


    @Test
    void monitorStreamsJoinsMessagesAndQuitsUntilAnyLine() throws Exception {
        try (AdminTestClient a = fx.admin()) {
            a.send("monitor");
            assertThat(a.nextLine()).isEqualTo("OK");
            try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice");
                 IrcTestClient bob = IrcTestClient.registered(fx.port(), "bob")) {
                alice.send("PRIVMSG #lobby :hello there");
                bob.awaitContains("hello there");
                alice.send("PRIVMSG #lobby :\u0001ACTION dances\u0001");
                bob.awaitContains("ACTION dances");
                bob.send("NICK robert");
                bob.send("QUIT :later");
                bob.awaitClosed();
            }
            assertThat(a.nextLine()).matches("\\d\\d:\\d\\d:\\d\\d connect addr=127\\.0\\.0\\.1");
            String line;
            StringBuilder seen = new StringBuilder();
            while (!(line = a.nextLine()).contains("quit nick=robert")) {
                seen.append(line).append('\n');
            }
            assertThat(seen.toString()).contains("register nick=alice addr=127.0.0.1", "join room=#lobby nick=alice",
                    "msg room=#lobby nick=alice text=hello there", "action room=#lobby nick=alice text=dances\n",
                    "nick nick=bob new=robert");
            assertThat(seen.toString()).doesNotContain("ACTION");
            assertThat(line).endsWith("quit nick=robert reason=Quit: later");

            a.send("stop");
            String rest;
            while (!(rest = a.nextLine()).isEmpty()) {
                assertThat(rest).as("only events before the terminator").matches("\\d\\d:\\d\\d:\\d\\d .*");
            }
            assertThat(a.call("ping").body()).as("back to requests").containsExactly("PONG");
        }
    }

    @Test
    void jsonMonitorSendsOneDocumentPerEvent() throws Exception {
        try (AdminTestClient a = fx.admin()) {
            a.send("monitor --json");
            assertThat(a.nextLine()).isEqualTo("OK");
            try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice")) {
                alice.send("PRIVMSG #lobby :hi \"you\"");
                String line;
                while (!(line = a.nextLine()).contains("\"event\":\"msg\"")) {
                    assertThat(line).startsWith("{\"time\":\"");
                }
                assertThat(line).endsWith("\"event\":\"msg\",\"room\":\"#lobby\",\"nick\":\"alice\",\"text\":\"hi \\\"you\\\"\"}");
            }
        }
    }

    @Test
    void monitorStopsWhenTheAdminGoesAway() throws Exception {
        AdminTestClient a = fx.admin();
        a.send("monitor");
        assertThat(a.nextLine()).isEqualTo("OK");
        a.close();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
            try (IrcTestClient c = IrcTestClient.registered(fx.port(), "x" + System.nanoTime() % 1000)) {
                c.sync();
            }
            // the listener is gone: firing costs nothing and nothing is queued
            assertThat(listenerCount()).isZero();
        });
    }

    @Test
    void aMonitorThatFallsBehindIsDroppedOnceWithoutBlocking() throws Exception {
        AtomicInteger overflows = new AtomicInteger();
        Monitor m = new Monitor(3, false, overflows::incrementAndGet);
        for (int i = 0; i < 10; i++) {
            m.roomMessage("alice", "#lobby", "line " + i);
        }
        assertThat(m.overflowed()).isTrue();
        assertThat(overflows).hasValue(1);
        assertThat(m.next()).endsWith("msg room=#lobby nick=alice text=line 0");
        assertThat(m.next()).endsWith("text=line 1");
        assertThat(m.next()).endsWith("text=line 2");
        assertThat(m.next()).as("the stream ends after what fitted").isNull();
    }

    private int listenerCount() throws Exception {
        java.lang.reflect.Field f = org.chatroom.server.event.ChatEvents.class.getDeclaredField("listeners");
        f.setAccessible(true);
        return ((java.util.List<?>) f.get(fx.server().context().events())).size();
    }
}
