package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Room;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** KICK with several rooms and nicks (TARGMAX KICK: unlimited), through the core. */
@Timeout(30)
class KickTargetsTest {
    private CoreHarness core;
    private CoreHarness.Peer op;
    private CoreHarness.Peer bob;
    private CoreHarness.Peer carol;

    @BeforeEach
    void rooms() throws Exception {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);
        op = core.register("op", 0);
        bob = core.register("bob", 1);
        carol = core.register("carol", 0); // on the kicker's lane: its KICK must still reach it
        op.send("JOIN #a,#b");
        op.sync();
        bob.send("JOIN #a,#b");
        carol.send("JOIN #a,#b");
        bob.sync();
        carol.sync();
    }

    @AfterEach
    void close() {
        core.close();
    }

    private boolean in(String room, CoreHarness.Peer p) {
        Room r = core.context.registry().rooms().get(room);
        Client c = p.session.client();
        return r != null && r.contains(c);
    }

    @Test
    void asManyRoomsAsNicksKicksEachPair() throws Exception {
        op.send("KICK #a,#b bob,carol :bye");
        bob.await(l -> l.equals(":op!~op@127.0.0.1 KICK #a bob :bye"));
        carol.await(l -> l.equals(":op!~op@127.0.0.1 KICK #b carol :bye"));
        core.drainAll();
        assertThat(in("#a", bob)).isFalse();
        assertThat(in("#b", bob)).isTrue();
        assertThat(in("#b", carol)).isFalse();
        assertThat(in("#a", carol)).isTrue();
    }

    @Test
    void oneRoomWithSeveralNicksKicksEachAndNamesTheMissing() throws Exception {
        op.send("KICK #a bob,dave,carol");
        op.await(l -> l.equals(":op!~op@127.0.0.1 KICK #a carol :op"));
        op.await(l -> l.contains(" 441 op dave #a "));
        assertThat(op.lines()).contains(":op!~op@127.0.0.1 KICK #a bob :op");
        core.drainAll();
        assertThat(in("#a", bob) || in("#a", carol)).isFalse();
        assertThat(in("#b", bob) && in("#b", carol)).isTrue();
    }

    @Test
    void roomsAndNicksThatDoNotPairAreRefused() throws Exception {
        op.send("KICK #a,#b bob");
        op.await(l -> l.contains(" 461 op KICK :"));
        core.drainAll();
        assertThat(in("#a", bob) && in("#b", bob)).isTrue();
        bob.send("KICK #a,#b op,carol");
        bob.await(l -> l.contains(" 482 bob #b "));
        assertThat(bob.lines()).anyMatch(l -> l.contains(" 482 bob #a "));
    }

    @Test
    void twoOperatorsKickingOneUserAtOnceSendOneKick() throws Exception {
        op.send("MODE #a +o bob"); // bob (lane 1) and op (lane 0) race; carol is the victim
        op.sync();
        for (int round = 0; round < 30; round++) {
            String tag = "r" + round;
            op.send("KICK #a carol :" + tag);
            bob.send("KICK #a carol :" + tag);
            carol.await(l -> l.endsWith(" KICK #a carol :" + tag));
            core.drainAll();
            assertThat(carol.count(l -> l.endsWith(" KICK #a carol :" + tag))).as(tag).isEqualTo(1);
            carol.send("JOIN #a");
            carol.sync();
        }
    }
}
