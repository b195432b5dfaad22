package org.chatroom.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.support.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases of three nodes against a real redis-server; a short lease so expiry takes a fraction of a second. */
class NodeLeaseTest {
    private static final Duration LEASE = Duration.ofMillis(400);
    private static RedisTestServer redis;
    private static RedisLink link;

    @BeforeAll
    static void startRedis() {
        redis = RedisTestServer.startNew();
        link = RedisLink.connect(redis.uri(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopRedis() {
        link.close();
        redis.close();
    }

    @BeforeEach
    void freshKeys() {
        assertThat(redis.command("FLUSHALL")).isEqualTo("+OK");
    }

    @Test
    void aNodeThatStopsRenewingIsSeenDeadAndExactlyOneSurvivorReapsIt() {
        NodeLease a = new NodeLease(link, "node-a", LEASE);
        NodeLease b = new NodeLease(link, "node-b", LEASE);
        NodeLease c = new NodeLease(link, "node-c", LEASE);
        a.renew().join();
        b.renew().join();
        c.renew().join();
        assertThat(b.expired().join()).isEmpty();

        // b and c keep renewing, a has stopped: within the lease b sees a dead, never itself or c
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            b.renew().join();
            c.renew().join();
            return b.expired().join().contains("node-a");
        });
        assertThat(b.expired().join()).containsExactly("node-a");
        assertThat(c.expired().join()).containsExactly("node-a");

        assertThat(b.claimReaping("node-a").join()).isTrue();
        assertThat(c.claimReaping("node-a").join()).as("a second survivor").isFalse();
        b.forget("node-a").join();
        assertThat(c.expired().join()).isEmpty();
        assertThat(redis.command("SISMEMBER chat:nodes node-a")).isEqualTo(":0");
    }

    @Test
    void aCleanShutdownResignsAtOnce() {
        NodeLease a = new NodeLease(link, "node-a", Duration.ofMinutes(5));
        a.renew().join();
        assertThat(redis.command("EXISTS chat:node:node-a:lease")).isEqualTo(":1");
        a.resign().join();
        assertThat(redis.command("EXISTS chat:node:node-a:lease")).isEqualTo(":0");
        assertThat(redis.command("SISMEMBER chat:nodes node-a")).isEqualTo(":0");
        assertThat(a.renewEvery()).isEqualTo(Duration.ofMinutes(5).dividedBy(3));
    }

    @Test
    void aSecondRunOfALiveNodesIdIsRefusedWithinALease() throws Exception {
        NodeLease first = new NodeLease(link, "node-a", LEASE);
        first.acquire().join();
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor();
        try {
            renewer.scheduleAtFixedRate(() -> first.renew().join(), 0, LEASE.toMillis() / 3, TimeUnit.MILLISECONDS);
            NodeLease second = new NodeLease(link, "node-a", LEASE);
            assertThatThrownBy(() -> second.acquire().join()).hasCauseInstanceOf(NodeIdInUseException.class);
            assertThatThrownBy(() -> second.renew().join()).as("nor may it renew the live run's lease")
                    .hasCauseInstanceOf(NodeIdInUseException.class);
            second.resign().join(); // a refused run ends nothing of the live one's
            assertThat(redis.command("EXISTS chat:node:node-a:lease")).isEqualTo(":1");
            assertThat(redis.command("SISMEMBER chat:nodes node-a")).isEqualTo(":1");
        } finally {
            renewer.shutdownNow();
        }
    }

    @Test
    void theStaleLeaseOfACrashedRunIsTakenOnceItRunsOut() {
        NodeLease crashed = new NodeLease(link, "node-a", LEASE);
        crashed.acquire().join(); // and then renews no more
        NodeLease restarted = new NodeLease(link, "node-a", LEASE);
        restarted.acquire().join();
        assertThatThrownBy(() -> crashed.renew().join()).as("the old run, were it alive, is the one refused")
                .hasCauseInstanceOf(NodeIdInUseException.class);
        restarted.renew().join();
        assertThat(redis.command("SISMEMBER chat:nodes node-a")).isEqualTo(":1");
    }

    @Test
    void aRunThatTookItsLeaseBackIsNotReapedAndWaitsForAReapingUnderWay() {
        NodeLease survivor = new NodeLease(link, "node-b", LEASE);
        survivor.acquire().join();
        new NodeLease(link, "node-a", LEASE).acquire().join(); // crashed at once
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            survivor.renew().join();
            return survivor.expired().join().contains("node-a");
        });
        assertThat(survivor.claimReaping("node-a").join()).isTrue(); // a reaping under way

        CompletableFuture<Void> restart = new NodeLease(link, "node-a", LEASE).acquire();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> redis.command("EXISTS chat:node:node-a:lease").equals(":1"));
        assertThat(restart).as("the lease is taken, but the reaping has not ended").isNotDone();
        survivor.forget("node-a").join(); // the reaper's last step
        restart.orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(survivor.claimReaping("node-a").join()).as("a node that holds a lease is never reaped").isFalse();
        survivor.forget("node-a").join();
    }

    @Test
    void theLinkComesBackByItselfAfterRedisRestarts() {
        NodeLease a = new NodeLease(link, "node-a", Duration.ofMinutes(1));
        a.renew().join();
        redis.stop();
        redis.start(); // same port, empty (no persistence)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    a.renew().get(1, java.util.concurrent.TimeUnit.SECONDS);
                    return true;
                });
        assertThat(redis.command("EXISTS chat:node:node-a:lease")).isEqualTo(":1");
    }
}
