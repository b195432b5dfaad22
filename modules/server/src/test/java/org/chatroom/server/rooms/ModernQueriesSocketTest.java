package org.chatroom.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WHOX, MONITOR, WHOWAS and HELP end to end, in a real daemon over real sockets. */
@Timeout(30)
class ModernQueriesSocketTest {
    private ChatServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void whoxFillsAMemberListAsModernClientsAskForIt() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.send("WHO #lobby %tcuhnfar,152");
            alice.awaitContains(" 315 alice #lobby :End of WHO list");
            assertThat(alice.lines()).contains(":chat.localhost 354 alice 152 #lobby ~bob 127.0.0.1 bob H 0 :bob Test")
                    .contains(":chat.localhost 354 alice 152 #lobby ~alice 127.0.0.1 alice H 0 :alice Test");
        }
    }

    @Test
    void monitorWhowasAndHelpOverTheWire() throws Exception {
        try (IrcTestClient watcher = IrcTestClient.registered(server.port(), "watcher")) {
            watcher.send("MONITOR + carol");
            watcher.awaitContains(" 731 watcher :carol");
            try (IrcTestClient carol = IrcTestClient.registered(server.port(), "carol")) {
                watcher.awaitContains(" 730 watcher :carol!~carol@127.0.0.1");
                carol.send("QUIT :later");
                // the second 731: the first (carol offline at MONITOR time) would let WHOWAS race the quit
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                        watcher.lines().stream().filter(l -> l.contains(" 731 watcher :carol")).count() >= 2);
            }
            watcher.send("WHOWAS carol");
            watcher.awaitContains(" 369 watcher carol ");
            assertThat(watcher.lines()).contains(":chat.localhost 314 watcher carol ~carol 127.0.0.1 * :carol Test");
            watcher.send("HELP WHO");
            watcher.awaitContains(" 706 watcher WHO :");
            assertThat(watcher.lines()).anyMatch(l -> l.startsWith(":chat.localhost 704 watcher WHO :WHO <#room|nick|mask>"));
        }
    }
}
