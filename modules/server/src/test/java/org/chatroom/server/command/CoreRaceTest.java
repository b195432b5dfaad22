package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chatroom.server.state.Room;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Decisions and the changes they lead to happen under the registry lock, so racing users on
 * different lanes can never break a room's rules. Each race runs 50 times.
 */
@Timeout(60)
class CoreRaceTest {
    private static final int LANES = 4;
    private CoreHarness core;

    @BeforeEach
    void start() {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), LANES);
    }

    @AfterEach
    void close() {
        core.close();
    }

    private List<CoreHarness.Peer> users(String prefix, int n) throws Exception {
        List<CoreHarness.Peer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(core.register(prefix + i, i));
        }
        return out;
    }

    private Room room(String name) {
        return core.context.registry().rooms().get(name);
    }

    @RepeatedTest(50)
    void racingJoinsNeverOverfillALimit() throws Exception {
        CoreHarness.Peer op = core.register("op", 0);
        op.send("JOIN #r");
        op.send("MODE #r +l 5");
        op.sync();
        List<CoreHarness.Peer> crowd = users("u", 16);
        crowd.forEach(p -> p.send("JOIN #r"));
        core.drainAll();
        assertThat(room("#r").size()).isEqualTo(5);
        long full = crowd.stream().filter(p -> p.count(l -> l.contains(" 471 ")) == 1).count();
        assertThat(full).as("everyone else was told the room is full").isEqualTo(12);
    }

    @RepeatedTest(50)
    void twoOperatorsAddingOneBanAddItOnce() throws Exception {
        CoreHarness.Peer a = core.register("a", 0);
        CoreHarness.Peer b = core.register("b", 1);
        CoreHarness.Peer watcher = core.register("w", 2);
        a.send("JOIN #r");
        a.sync();
        b.send("JOIN #r");
        watcher.send("JOIN #r");
        core.drainAll();
        a.send("MODE #r +o b");
        core.drainAll();
        a.send("MODE #r +b bad!*@*");
        b.send("MODE #r +b bad!*@*");
        core.drainAll();
        assertThat(room("#r").bans()).hasSize(1);
        assertThat(watcher.count(l -> l.contains(" MODE #r +b ") && l.endsWith("bad!*@*"))).isEqualTo(1);
    }

    @RepeatedTest(50)
    void racingTopicsReachEveryoneInOneOrder() throws Exception {
        List<CoreHarness.Peer> all = users("t", LANES);
        all.get(0).send("JOIN #r");
        all.get(0).send("MODE #r -t");
        all.get(0).sync();
        for (int i = 1; i < all.size(); i++) {
            all.get(i).send("JOIN #r");
        }
        core.drainAll();
        for (int i = 0; i < all.size(); i++) {
            all.get(i).send("TOPIC #r :topic from " + i);
        }
        core.drainAll();
        String finalTopic = room("#r").topic().text();
        for (CoreHarness.Peer p : all) {
            List<String> topics = p.lines().stream().filter(l -> l.contains(" TOPIC #r :")).toList();
            assertThat(topics).hasSize(all.size());
            assertThat(topics.get(topics.size() - 1)).as("the last TOPIC each member saw is the topic").endsWith(":" + finalTopic);
        }
    }

    @RepeatedTest(50)
    void twoUsersTakingOneNickGiveItToOne() throws Exception {
        List<CoreHarness.Peer> two = users("n", 2);
        two.forEach(p -> p.send("NICK winner"));
        core.drainAll();
        long won = two.stream().filter(p -> p.session.client().nick().equals("winner")).count();
        long refused = two.stream().filter(p -> p.count(l -> l.contains(" 433 ")) == 1).count();
        assertThat(won).isEqualTo(1);
        assertThat(refused).isEqualTo(1);
        assertThat(core.context.registry().byNick("winner")).isNotNull();
    }
}
