package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.chatroom.server.support.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nick claims of two nodes, each with its own connection, against a real throwaway redis-server. */
class NickClaimsTest {
    private static RedisTestServer redis;
    private static RedisLink linkA;
    private static RedisLink linkB;
    private NickClaims a;
    private NickClaims b;

    @BeforeAll
    static void startRedis() {
        redis = RedisTestServer.startNew();
        linkA = RedisLink.connect(redis.uri(), Duration.ofSeconds(5));
        linkB = RedisLink.connect(redis.uri(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopRedis() {
        linkA.close();
        linkB.close();
        redis.close();
    }

    @BeforeEach
    void freshKeys() {
        assertThat(redis.command("FLUSHALL")).isEqualTo("+OK");
        a = new NickClaims(linkA, "node-a");
        b = new NickClaims(linkB, "node-b");
    }

    @Test
    void theFirstClaimWinsAndItsOwnerMayClaimAgain() {
        assertThat(a.claim("alice", "c1").join()).isTrue();
        assertThat(b.claim("alice", "c7").join()).isFalse();
        assertThat(a.claim("alice", "c1").join()).as("the holder's own claim again").isTrue();
        assertThat(a.claim("alice", "c2").join()).as("another user of the same node").isFalse();
        assertThat(b.holder("alice").join()).isEqualTo("node-a/c1");
        assertThat(b.holder("bob").join()).isNull();
    }

    @Test
    void twoNodesRacingForOneNickNeverBothWin() {
        for (int round = 0; round < 200; round++) {
            String nick = "racer" + round;
            CompletableFuture<Boolean> fromA = a.claim(nick, "u" + round);
            CompletableFuture<Boolean> fromB = b.claim(nick, "u" + round);
            assertThat(fromA.join() ^ fromB.join()).as("exactly one of two claims of " + nick + " wins").isTrue();
        }
    }

    @Test
    void onlyTheOwnerReleasesAndThenTheNickIsFree() {
        a.claim("carol", "c1").join();
        assertThat(b.release("carol", "c1").join()).as("same owner name, other node").isFalse();
        assertThat(a.release("carol", "c2").join()).as("other owner, same node").isFalse();
        assertThat(a.release("carol", "c1").join()).isTrue();
        assertThat(a.release("carol", "c1").join()).as("released twice").isFalse();
        assertThat(b.claim("carol", "c9").join()).isTrue();
    }

    @Test
    void aDeadNodesNicksAreFreedButNotOnesClaimedElsewhereSince() {
        a.claim("dave", "c1").join();
        a.claim("erin", "c2").join();
        a.release("erin", "c2").join();
        b.claim("erin", "c5").join(); // erin moved to node b meanwhile
        a.claim("frank", "c3").join();

        assertThat(b.releaseNode("node-a").join()).isEqualTo(2L);

        assertThat(b.holder("dave").join()).isNull();
        assertThat(b.holder("frank").join()).isNull();
        assertThat(b.holder("erin").join()).isEqualTo("node-b/c5");
        assertThat(redis.command("EXISTS chat:node:node-a:nicks")).isEqualTo(":0");
    }
}
