package org.chatroom.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class PermanentRoomsTest {

    @Test
    void topicModesAndBansOfPermanentRoomsSurviveARestart(@TempDir Path data) throws Exception {
        String hash = PasswordHash.create("pw".toCharArray()).toString();
        Map<String, String> cfg = Map.of("data.dir", data.toString(), "rooms.permanent", "#help",
                "oper.accounts", "root:" + hash);
        try (ChatServer first = TestServer.start(cfg);
             IrcTestClient op = IrcTestClient.registered(first.port(), "op")) {
            assertThat(first.registry().rooms().get("#help")).isNotNull();
            op.send("OPER root pw");
            op.awaitContains(" 381 op ");
            op.send("JOIN #help");
            op.awaitContains(" 366 op #help ");
            assertThat(op.received(" 353 op = #help :@op")).as("no operator in a permanent room").isFalse();
            op.send("TOPIC #help :Ask here, be patient");
            op.send("MODE #help +mks-t secret");
            op.send("MODE #help +b spammer!*@*");
            op.send("MODE #help +CeI friend!*@* guest!*@*");
            op.send("TOPIC #lobby :Lobby rules apply");
            op.awaitContains("MODE #help +b :spammer!*@*");
            op.awaitContains("MODE #help +CeI friend!*@* :guest!*@*");
            op.awaitContains(" TOPIC #lobby :Lobby rules apply");
            // closing the server commits every queued write before the database is closed
        }
        try (ChatServer second = TestServer.start(cfg);
             IrcTestClient visitor = IrcTestClient.registered(second.port(), "visitor")) {
            assertThat(visitor.received(" 332 visitor #lobby :Lobby rules apply")).isTrue();
            visitor.send("MODE #help");
            visitor.awaitContains(" 324 visitor #help :+Ckmns *");
            visitor.send("MODE #help b");
            visitor.awaitLine(l -> l.contains(" 367 visitor #help spammer!*@* op "));
            visitor.send("MODE #help e");
            visitor.awaitLine(l -> l.contains(" 348 visitor #help friend!*@* op "));
            visitor.send("MODE #help I");
            visitor.awaitLine(l -> l.contains(" 346 visitor #help guest!*@* op "));
            visitor.send("JOIN #help secret");
            visitor.awaitContains(" 332 visitor #help :Ask here, be patient");
        }
    }
}
