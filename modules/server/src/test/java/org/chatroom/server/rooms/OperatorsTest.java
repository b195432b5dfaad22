package org.chatroom.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OperatorsTest {

    @Test
    void operCanModerateEverywhereKillAndWallops() throws Exception {
        String hash = PasswordHash.create("opensesame".toCharArray()).toString();
        try (ChatServer s = TestServer.start(Map.of("oper.accounts", "root:" + hash));
             IrcTestClient admin = IrcTestClient.registered(s.port(), "admin");
             IrcTestClient user = IrcTestClient.registered(s.port(), "user");
             IrcTestClient troll = IrcTestClient.registered(s.port(), "troll")) {
            admin.send("KILL troll :nope");
            admin.awaitContains(" 481 admin :Permission Denied- You're not an IRC operator");
            admin.send("OPER root wrong");
            admin.awaitContains(" 464 admin :Password incorrect");
            admin.send("OPER nobody opensesame");
            admin.awaitContains(" 491 admin :No O-lines for your host");
            admin.send("OPER root opensesame");
            admin.awaitContains(" 381 admin :You are now an IRC operator");
            admin.awaitContains(":admin!~admin@127.0.0.1 MODE admin :+o");
            admin.send("TOPIC #lobby :Set by an operator");
            user.awaitContains("TOPIC #lobby :Set by an operator");
            admin.send("MODE #lobby +o user");
            user.awaitContains("MODE #lobby +o :user");
            user.send("KICK #lobby troll :out");
            troll.awaitContains("KICK #lobby troll :out");
            troll.send("JOIN #lobby");
            user.awaitContains(":troll!~troll@127.0.0.1 JOIN #lobby");
            admin.send("KILL troll :spam");
            user.awaitContains(":troll!~troll@127.0.0.1 QUIT :Killed (admin (spam))");
            troll.awaitClosed();
            admin.send("WALLOPS :maintenance at noon");
            admin.awaitContains(":admin!~admin@127.0.0.1 WALLOPS :maintenance at noon");
            user.sync();
            assertThat(user.received("WALLOPS")).isFalse();
            user.send("WHOIS admin");
            user.awaitContains(" 313 user admin :is an IRC operator");
        }
    }

    @Test
    void operAccountsMustBeHashes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServer.start(Map.of("oper.accounts", "root:plain")))
                .hasMessageContaining("oper.accounts=root:plain is not a password hash");
    }
}
