package org.chatroom.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code room.default=} (empty) in a real daemon: nobody is joined anywhere, LIST shows only rooms users made. */
@Timeout(30)
class NoDefaultRoomTest {
    private ChatServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anEmptyDefaultRoomMeansNoneAtAll() throws Exception {
        server = TestServer.start(Map.of("room.default", ""));
        try (IrcTestClient alice = new IrcTestClient(server.port())) {
            alice.send("NICK alice");
            alice.send("USER alice 0 * :Alice");
            alice.awaitContains(" 422 alice ");
            alice.send("LIST");
            alice.awaitContains(" 323 alice ");
            assertThat(alice.lines()).noneMatch(l -> l.contains(" JOIN ") || l.contains(" 322 "));
            assertThat(server.registry().rooms().count()).isZero();
            alice.send("JOIN #made");
            alice.awaitContains(":alice!~alice@127.0.0.1 JOIN #made");
            alice.clear();
            alice.send("LIST");
            alice.awaitContains(" 323 alice ");
            assertThat(alice.lines()).filteredOn(l -> l.contains(" 322 ")).singleElement()
                    .satisfies(l -> assertThat(l).contains(" 322 alice #made 1 "));
        }
    }
}
