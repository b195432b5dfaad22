package org.chatroom.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A deleted account's rooms are unregistered, so a new account of the same name does not inherit them. */
@Timeout(60)
class RoomOwnerDeletedAccountTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    @Test
    void deletingTheOwnerAccountUnregistersItsRooms() throws Exception {
        fx.start();
        try (IrcTestClient alice = fx.user("alice");
             IrcTestClient bob = fx.user("bob")) {
            alice.send("REGISTER * * correct-horse");
            alice.awaitContains(" 900 alice ");
            alice.send("JOIN #den");
            alice.send("MODE #den +r");
            alice.awaitContains("MODE #den :+r");
            bob.send("JOIN #den");
            bob.awaitContains(" 366 bob #den ");
            try (AdminTestClient a = fx.admin()) {
                assertThat(a.call("account del alice").body())
                        .containsExactly("account alice deleted", "#den is no longer registered");
            }
            bob.awaitLine(l -> l.endsWith(" MODE #den :-r") && !l.startsWith(":alice!"));
            assertThat(fx.server().registry().rooms().get("#den").owner()).isNull();
        }
    }
}
