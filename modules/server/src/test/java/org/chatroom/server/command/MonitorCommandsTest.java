package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** MONITOR (730-734) and extended-monitor, through the core. */
@Timeout(30)
class MonitorCommandsTest {
    private CoreHarness core;
    private CoreHarness.Peer watcher;

    @BeforeEach
    void start() throws Exception {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);
        watcher = core.register("watcher", 0);
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void watchersHearOfRegistrationNickChangesAndQuits() throws Exception {
        watcher.send("MONITOR + bob,Carol");
        watcher.await(l -> l.equals(":chat.localhost 731 watcher :bob,Carol"));
        CoreHarness.Peer bob = core.register("bob", 1);
        watcher.await(l -> l.equals(":chat.localhost 730 watcher :bob!~bob@127.0.0.1"));
        bob.send("NICK robert");
        watcher.await(l -> l.equals(":chat.localhost 731 watcher :bob"));
        watcher.send("MONITOR + robert");
        watcher.await(l -> l.equals(":chat.localhost 730 watcher :robert!~bob@127.0.0.1"));
        bob.send("QUIT :gone");
        watcher.await(l -> l.equals(":chat.localhost 731 watcher :robert"));
        watcher.send("MONITOR L");
        watcher.await(l -> l.contains(" 733 watcher :End of MONITOR list"));
        assertThat(watcher.lines()).contains(":chat.localhost 732 watcher :bob,Carol,robert");
    }

    @Test
    void statusRemoveAndClear() throws Exception {
        core.register("alice", 1);
        watcher.send("MONITOR + alice,nobody");
        watcher.send("MONITOR - nobody");
        watcher.sync();
        watcher.lines().clear();
        watcher.send("MONITOR S");
        watcher.await(l -> l.equals(":chat.localhost 730 watcher :alice!~alice@127.0.0.1"));
        watcher.send("MONITOR C");
        watcher.send("MONITOR L");
        watcher.await(l -> l.contains(" 733 watcher "));
        assertThat(watcher.lines()).noneMatch(l -> l.contains(" 731 ") || l.contains(" 732 "));
        watcher.send("MONITOR");
        watcher.await(l -> l.contains(" 461 watcher MONITOR "));
    }

    @Test
    void theListIsBoundedAndTheRestOfTheLineRefused() throws Exception {
        String hundredAndTwo = IntStream.rangeClosed(1, 102).mapToObj(i -> "n" + i).collect(Collectors.joining(","));
        watcher.send("MONITOR + " + hundredAndTwo);
        watcher.await(l -> l.equals(":chat.localhost 734 watcher 100 n101,n102 :Monitor list is full"));
        watcher.lines().clear();
        watcher.send("MONITOR L");
        watcher.await(l -> l.contains(" 733 watcher "));
        String listed = watcher.lines().stream().filter(l -> l.contains(" 732 ")).map(l -> l.substring(l.lastIndexOf(':') + 1))
                .collect(Collectors.joining(","));
        assertThat(listed.split(",")).hasSize(100).contains("n1", "n100").doesNotContain("n101");
    }

    @Test
    void extendedMonitorRelaysAwayToWatchersWithAwayNotify() throws Exception {
        CoreHarness.Peer extended = core.connect(1);
        extended.send("CAP LS 302");
        extended.send("CAP REQ :extended-monitor away-notify");
        extended.send("NICK ext");
        extended.send("USER e 0 * :E");
        extended.send("CAP END");
        extended.await(l -> l.contains(" 001 ext "));
        CoreHarness.Peer drifter = core.register("drifter", 1);
        extended.send("MONITOR + drifter");
        watcher.send("MONITOR + drifter");
        extended.sync();
        watcher.sync();
        drifter.send("AWAY :coffee");
        extended.await(l -> l.equals(":drifter!~drifter@127.0.0.1 AWAY :coffee"));
        watcher.send("PING :mark");
        watcher.await(l -> l.endsWith(":mark"));
        assertThat(watcher.lines()).as("no extended-monitor: no AWAY").noneMatch(l -> l.contains(" AWAY "));
    }

    @Test
    void aMonitorRacingTheRegistrationOfItsNickNeverMissesIt() throws Exception {
        for (int round = 0; round < 50; round++) {
            String nick = "racer" + round;
            CoreHarness.Peer racer = core.connect(1);
            racer.send("NICK " + nick);
            watcher.send("MONITOR + " + nick); // lane 0 and lane 1 at once: either the answer or the notice says 730
            racer.send("USER r 0 * :R");
            watcher.await(l -> l.equals(":chat.localhost 730 watcher :" + nick + "!~r@127.0.0.1"));
            racer.send("QUIT");
            watcher.await(l -> l.equals(":chat.localhost 731 watcher :" + nick));
        }
    }
}
