package org.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.state.Room;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.chatroom.server.state.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Races joins, parts, nick changes and quits from many connections; the registry must end consistent. */
@Timeout(60)
class ConcurrencyTest {

    @Test
    void racingJoinsNickChangesAndQuitsLeaveConsistentState() throws Exception {
        int workers = 8;
        int rounds = 15;
        try (ChatServer s = TestServer.start(java.util.Map.of("worker.threads", "4"));
             IrcTestClient observer = IrcTestClient.registered(s.port(), "observer")) {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int id = w;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        try (IrcTestClient c = IrcTestClient.registered(s.port(), "w" + id + "r" + r)) {
                            c.send("JOIN #race" + (r % 3) + ",#shared");
                            c.send("NICK n" + id + "x" + r);
                            c.send("NICK w" + id + "r" + r); // may collide with nobody; exercises the lock
                            c.send("PRIVMSG #shared :round " + r);
                            c.send("PART #race" + (r % 3));
                            if (r % 2 == 0) {
                                c.send("QUIT :done");
                                c.awaitClosed();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(50, TimeUnit.SECONDS);
            }
            pool.shutdown();
            await().atMost(Duration.ofSeconds(10)).until(() -> s.registry().clientCount() == 1);
            assertThat(s.registry().byNick("observer")).isNotNull();
            for (Room r : s.registry().rooms().all()) {
                assertThat(r.configured()).as("only the configured room is left: " + r).isTrue();
                assertThat(r.members()).extracting(Client::nick).containsExactly("observer");
            }
            Client obs = s.registry().byNick("observer");
            assertThat(obs.rooms()).extracting(Room::name).containsExactly("#lobby");
            await().atMost(Duration.ofSeconds(10)).until(() -> s.stats().connections() == 1);
        }
    }
}
