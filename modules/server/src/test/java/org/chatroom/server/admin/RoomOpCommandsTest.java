package org.chatroom.server.admin;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.AdminTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** op/deop: the admin names an operator for a room that has none (the default room). */
@Timeout(30)
class RoomOpCommandsTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();
    private ChatServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = fx.start();
    }


    @Test
    void adminOpensAndClosesOperatorStatus() throws Exception {
        try (IrcTestClient alice = IrcTestClient.registered(fx.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(fx.port(), "bob");
             AdminTestClient a = fx.admin()) {
            alice.send("TOPIC #lobby :before");
            alice.awaitContains(" 482 alice #lobby ");
            AdminTestClient.Reply r = a.call("op #lobby alice");
            assertThat(r.ok()).isTrue();
            assertThat(r.body()).containsExactly("alice is now an operator of #lobby");
            bob.awaitContains(":chat.localhost MODE #lobby +o :alice");
            alice.send("TOPIC #lobby :set by our new operator");
            bob.awaitContains("TOPIC #lobby :set by our new operator");
            assertThat(a.call("deop #lobby alice").ok()).isTrue();
            bob.awaitContains(":chat.localhost MODE #lobby -o :alice");
            assertThat(a.call("op #lobby ghost").status()).startsWith("ERR 300 no such nick");
            assertThat(a.call("op #nowhere alice").status()).startsWith("ERR 300 no such room");
            assertThat(a.call("op #lobby").status()).startsWith("ERR 104");
        }
    }
}
