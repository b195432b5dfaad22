package org.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ShutdownTest {

    @Test
    void closeTellsEveryClientAndClosesTheirSockets() throws Exception {
        ChatServer s = TestServer.start();
        try (IrcTestClient alice = IrcTestClient.registered(s.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(s.port(), "bob");
             IrcTestClient pending = new IrcTestClient(s.port())) {
            pending.send("NICK halfway");
            pending.sync();
            s.close();
            for (IrcTestClient c : new IrcTestClient[] {alice, bob, pending}) {
                c.awaitContains("ERROR :Closing link: server shutting down");
                c.awaitClosed();
            }
            assertThat(alice.received("QUIT")).as("no quit storm during shutdown").isFalse();
        }
        assertThat(s.isClosed()).isTrue();
    }
}
