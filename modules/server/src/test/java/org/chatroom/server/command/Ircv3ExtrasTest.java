package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.chatroom.server.auth.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** setname, chghost, userhost-in-names, bot-mode, no-implicit-names, +typing pace and away-notify on JOIN. */
@Timeout(30)
class Ircv3ExtrasTest {
    private CoreHarness core;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void setnameReachesThePeersThatAskedForIt() throws Exception {
        core = new CoreHarness(Map.of(), 2);
        CoreHarness.Peer alice = core.register("alice", 0, "setname");
        CoreHarness.Peer bob = core.register("bob", 1, "setname");
        CoreHarness.Peer carol = core.register("carol", 1);
        alice.send("SETNAME :Alice Liddell");
        bob.await(l -> l.equals(":alice!~alice@127.0.0.1 SETNAME :Alice Liddell"));
        alice.await(l -> l.equals(":alice!~alice@127.0.0.1 SETNAME :Alice Liddell"));
        alice.send("SETNAME :" + "x".repeat(65));
        alice.await(l -> l.equals(":chat.localhost FAIL SETNAME INVALID_REALNAME :Real name must be 1-64 characters"));
        carol.send("WHOIS alice");
        carol.await(l -> l.contains(" 311 carol alice ~alice 127.0.0.1 * :Alice Liddell"));
        assertThat(carol.lines()).noneMatch(l -> l.contains("SETNAME"));
    }

    @Test
    void anOperatorChangesAHostAndThePeersWithChghostAreTold() throws Exception {
        String hash = PasswordHash.create("sesame".toCharArray()).toString();
        core = new CoreHarness(Map.of("oper.accounts", "root:" + hash), 2);
        CoreHarness.Peer oper = core.register("oper", 0, "chghost");
        CoreHarness.Peer bob = core.register("bob", 1, "chghost");
        CoreHarness.Peer carol = core.register("carol", 1);
        bob.send("CHGHOST bob evil.example");
        bob.await(l -> l.contains(" 481 bob "));
        oper.send("OPER root sesame");
        oper.await(l -> l.contains(" 381 oper "));
        oper.send("CHGHOST bob :bad host");
        oper.await(l -> l.contains("NOTICE oper :CHGHOST: A host is 1-63"));
        oper.send("CHGHOST bob cloak.example");
        String told = ":bob!~bob@127.0.0.1 CHGHOST ~bob :cloak.example";
        bob.await(l -> l.equals(told));
        oper.await(l -> l.equals(told));
        bob.send("PRIVMSG #lobby :from the new host");
        carol.await(l -> l.equals(":bob!~bob@cloak.example PRIVMSG #lobby :from the new host"));
        assertThat(carol.lines()).noneMatch(l -> l.contains("CHGHOST"));
    }

    @Test
    void userhostInNamesShowsWholePrefixes() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer alice = core.register("alice", 0, "userhost-in-names multi-prefix");
        core.register("bob", 0);
        alice.send("NAMES #lobby");
        alice.await(l -> l.contains(" 353 alice = #lobby :") && l.contains("alice!~alice@127.0.0.1")
                && l.contains("bob!~bob@127.0.0.1"));
    }

    @Test
    void aBotIsMarkedInWhoisWhoAndByATagOnItsMessages() throws Exception {
        core = new CoreHarness(Map.of(), 2);
        CoreHarness.Peer bot = core.register("helper", 0);
        CoreHarness.Peer tagged = core.register("tagged", 1, "message-tags");
        CoreHarness.Peer plain = core.register("plain", 1);
        bot.send("MODE helper +B");
        bot.await(l -> l.equals(":helper!~helper@127.0.0.1 MODE helper :+B"));
        bot.send("PRIVMSG #lobby :beep");
        tagged.await(l -> l.matches("@msgid=\\S+;bot :helper!~helper@127\\.0\\.0\\.1 PRIVMSG #lobby :beep"));
        plain.await(l -> l.equals(":helper!~helper@127.0.0.1 PRIVMSG #lobby :beep"));
        plain.send("WHOIS helper");
        plain.await(l -> l.contains(" 335 plain helper :is a bot on "));
        plain.send("WHO #lobby");
        plain.await(l -> l.matches(".* 352 plain #lobby ~helper 127\\.0\\.0\\.1 \\S+ helper H@?B :0 helper"));
        bot.send("MODE helper");
        bot.await(l -> l.contains(" 221 helper :+B"));
    }

    @Test
    void noImplicitNamesLeavesNamesOutOfAJoin() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer quiet = core.register("quiet", 0, "no-implicit-names");
        CoreHarness.Peer draft = core.register("draft", 0, "draft/no-implicit-names");
        for (CoreHarness.Peer p : new CoreHarness.Peer[] {quiet, draft}) {
            p.send("JOIN #new");
            p.send("PING :mark");
            p.await(l -> l.endsWith("PONG chat.localhost :mark"));
            assertThat(p.lines()).anyMatch(l -> l.endsWith("JOIN #new"))
                    .noneMatch(l -> l.contains(" 353 ") || l.contains(" 366 "));
        }
        quiet.send("NAMES #new");
        quiet.await(l -> l.contains(" 366 quiet #new "));
    }

    @Test
    void typingNoticesKeepTheSpecsPace() throws Exception {
        core = new CoreHarness(Map.of(), 2);
        CoreHarness.Peer typist = core.register("typist", 0, "message-tags");
        CoreHarness.Peer reader = core.register("reader", 1, "message-tags");
        typist.send("@+typing=active TAGMSG #lobby");
        typist.send("@+typing=active TAGMSG #lobby"); // within 3 s of the first: dropped
        typist.send("@+typing=done TAGMSG #lobby");
        typist.send("@+typing=active TAGMSG #lobby"); // done ended the interval
        typist.send("PRIVMSG #lobby :sent");
        reader.await(l -> l.endsWith("PRIVMSG #lobby :sent"));
        List<String> typing = reader.lines().stream().filter(l -> l.contains("TAGMSG")).toList();
        assertThat(typing).hasSize(3);
        assertThat(typing.get(0)).contains("+typing=active");
        assertThat(typing.get(1)).contains("+typing=done");
        assertThat(typing.get(2)).contains("+typing=active");
    }

    @Test
    void someoneAwayWhoJoinsIsToldAwayRightAfterTheJoin() throws Exception {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);
        CoreHarness.Peer watcher = core.register("watcher", 0, "away-notify");
        CoreHarness.Peer plain = core.register("plain", 0);
        CoreHarness.Peer drifter = core.register("drifter", 1);
        watcher.send("JOIN #r");
        watcher.sync();
        plain.send("JOIN #r");
        plain.sync();
        drifter.send("AWAY :lunch");
        drifter.send("JOIN #r");
        watcher.await(l -> l.equals(":drifter!~drifter@127.0.0.1 AWAY :lunch"));
        List<String> seen = watcher.lines();
        int join = seen.indexOf(":drifter!~drifter@127.0.0.1 JOIN #r");
        assertThat(join).isNotNegative();
        assertThat(seen.get(join + 1)).isEqualTo(":drifter!~drifter@127.0.0.1 AWAY :lunch");
        core.drainAll();
        assertThat(plain.lines()).noneMatch(l -> l.contains(" AWAY :"));
    }
}
