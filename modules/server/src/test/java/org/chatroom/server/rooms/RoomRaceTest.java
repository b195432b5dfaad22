package org.chatroom.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.ChatServer;
import org.chatroom.server.state.Room;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.chatroom.server.state.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Operators op, deop and kick each other while members part and rejoin; state must stay consistent. */
@Timeout(60)
class RoomRaceTest {

    @Test
    void modeKickAndPartRaces() throws Exception {
        try (ChatServer s = TestServer.start(java.util.Map.of("worker.threads", "4"))) {
            List<IrcTestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    clients.add(IrcTestClient.registered(s.port(), "r" + i));
                }
                clients.get(0).send("JOIN #arena");
                clients.get(0).awaitContains("JOIN #arena");
                for (int i = 1; i < 6; i++) {
                    clients.get(i).send("JOIN #arena");
                    clients.get(i).awaitContains("JOIN #arena");
                }
                clients.get(0).send("MODE #arena +ooo r1 r2 r3");
                clients.get(3).awaitContains("MODE #arena +ooo r1 r2 :r3");
                ExecutorService pool = Executors.newFixedThreadPool(6);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    IrcTestClient c = clients.get(i);
                    int id = i;
                    done.add(pool.submit(() -> {
                        for (int round = 0; round < 5; round++) {
                            String other = "r" + ((id + round + 1) % 6);
                            c.send("MODE #arena +v-o+o " + other + " " + other + " " + other);
                            c.send("KICK #arena " + other + " :round " + round);
                            c.send("PART #arena");
                            c.send("JOIN #arena");
                            c.send("MODE #arena -v " + other);
                        }
                        c.sync();
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(40, TimeUnit.SECONDS);
                }
                pool.shutdown();
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    Room arena = s.registry().rooms().get("#arena");
                    if (arena == null) {
                        return; // everyone left at the end: the room is gone, which is consistent too
                    }
                    for (Client member : arena.members()) {
                        assertThat(member.rooms()).contains(arena);
                        assertThat(arena.membership(member)).isNotNull();
                    }
                    for (Client c : s.registry().clients()) {
                        assertThat(c.rooms().contains(arena)).isEqualTo(arena.members().contains(c));
                    }
                });
            } finally {
                for (IrcTestClient c : clients) {
                    c.close();
                }
            }
        }
    }
}
