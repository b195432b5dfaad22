package org.chatroom.client;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatroom.server.support.IrcTestClient;

/**
 * Waits until the daemon's history holds a line: the store writes behind the chat, so a test that
 * restarts the daemon or joins right after someone spoke asks with CHATHISTORY until it is there.
 */
final class StoredHistory {
    private static final AtomicInteger PROBES = new AtomicInteger();

    private StoredHistory() {
    }

    static void awaitLine(int port, String room, String text) throws IOException {
        try (IrcTestClient c = new IrcTestClient(port)) {
            String nick = "probe" + PROBES.incrementAndGet();
            c.send("CAP REQ :draft/chathistory batch server-time message-tags");
            c.send("NICK " + nick);
            c.send("USER " + nick + " 0 * :probe");
            c.send("CAP END");
            c.awaitContains(" 001 " + nick + " ");
            c.answeringPings();
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                c.clear();
                c.send("CHATHISTORY LATEST " + room + " * 100");
                c.awaitLine(l -> l.startsWith("BATCH -") || l.contains(" BATCH -"));
                return c.lines().stream().anyMatch(l -> l.contains(" PRIVMSG " + room + " :" + text));
            });
        }
    }
}
