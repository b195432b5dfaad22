package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin console of one node sees, kicks and counts the users of every node. */
@Timeout(120)
class ClusterAdminTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    private ClusterNodes nodes;

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    @Test
    void oneNodesConsoleListsKicksAndCountsUsersOfEveryNode() throws Exception {
        nodes = new ClusterNodes(PG);
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "ca");
        Path socket = dir.resolve("a.sock");
        ChatServer a = nodes.start("node-a", Map.of("admin.enabled", "true", "admin.socket", socket.toString()));
        ChatServer b = nodes.start("node-b");
        IrcTestClient alice = nodes.user(a, "alice");
        IrcTestClient bob = nodes.user(b, "bob");
        alice.awaitContains(":bob!~bob@127.0.0.1 JOIN #lobby");
        try (AdminTestClient admin = new AdminTestClient(socket)) {
            AdminTestClient.Reply list = admin.call("list");
            assertThat(list.body()).anyMatch(l -> l.startsWith("nick=alice node=node-a user=~alice@127.0.0.1 "))
                    .anyMatch(l -> l.startsWith("nick=bob node=node-b user=~bob@127.0.0.1 "));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(admin.call("stats").body())
                    .contains("users=1", "cluster=ok, 2 nodes")
                    .anyMatch(l -> l.startsWith("node.node-a=users=1 rooms=1 deliveries="))
                    .anyMatch(l -> l.startsWith("node.node-b=users=1 rooms=1 deliveries=")));

            assertThat(admin.call("kick bob \"not here\"").ok()).isTrue(); // done by bob's own node
            bob.awaitContains(" KICK #lobby bob :not here");
            bob.awaitClosed();
            alice.awaitContains(" KICK #lobby bob :not here"); // the KICK its node made, seen here too
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> admin.call("list").body().stream().noneMatch(l -> l.startsWith("nick=bob ")));
        }
    }
}
