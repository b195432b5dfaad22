package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** IRCv3 labeled-response and batch through the core: one line, many lines, none, and what others get. */
@Timeout(30)
class LabeledResponseTest {
    private static final String CAPS = "batch labeled-response";
    private CoreHarness core;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    private List<String> after(CoreHarness.Peer p, int from) {
        return p.lines().subList(from, p.lines().size());
    }

    @Test
    void aOneLineReplyCarriesTheLabel() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer alice = core.register("alice", 0, CAPS);
        int from = alice.lines().size();
        alice.send("@label=p1 PING :hello");
        core.drainAll(); // the response ends in a lane task after the command's own
        assertThat(after(alice, from)).containsExactly("@label=p1 :chat.localhost PONG chat.localhost :hello");
    }

    @Test
    void manyReplyLinesComeInOneLabeledBatch() throws Exception {
        core = new CoreHarness(Map.of(), 2);
        CoreHarness.Peer alice = core.register("alice", 0, CAPS);
        core.register("bob", 1);
        int from = alice.lines().size();
        alice.send("@label=w1 WHOIS bob");
        core.drainAll(); // the response ends in a lane task after the command's own
        List<String> got = after(alice, from);
        assertThat(got.get(0)).matches("@label=w1 :chat\\.localhost BATCH \\+(\\S+) labeled-response");
        String id = got.get(0).split(" ")[3].substring(1);
        assertThat(got.get(got.size() - 1)).isEqualTo(":chat.localhost BATCH -" + id);
        assertThat(got.subList(1, got.size() - 1)).hasSizeGreaterThan(2)
                .allMatch(l -> l.startsWith("@batch=" + id + " :chat.localhost "))
                .anyMatch(l -> l.contains(" 311 alice bob "))
                .anyMatch(l -> l.contains(" 318 alice bob "));
        assertThat(got).filteredOn(l -> l.contains("label=")).hasSize(1);
    }

    @Test
    void aCommandWithNoReplyIsAcknowledged() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer alice = core.register("alice", 0, CAPS);
        int from = alice.lines().size();
        alice.send("@label=n1 PONG :whatever");
        alice.send("@label=n2 MODE alice +i");
        core.drainAll(); // the response ends in a lane task after the command's own
        assertThat(after(alice, from)).containsExactly("@label=n1 :chat.localhost ACK",
                "@label=n2 :alice!~alice@127.0.0.1 MODE alice :+i");
    }

    @Test
    void theEchoIsLabeledButWhatOthersReceiveIsNot() throws Exception {
        core = new CoreHarness(Map.of(), 2);
        CoreHarness.Peer alice = core.register("alice", 0, CAPS + " echo-message message-tags");
        CoreHarness.Peer bob = core.register("bob", 1, CAPS + " message-tags");
        CoreHarness.Peer carol = core.register("carol", 0, CAPS + " message-tags"); // alice's lane: delivered inline
        bob.await(l -> l.contains(":carol!") && l.endsWith("JOIN #lobby"));
        int from = alice.lines().size();
        alice.send("@label=m1 PRIVMSG #lobby :hi");
        alice.send("@label=m2 PRIVMSG bob :psst");
        bob.await(l -> l.endsWith("PRIVMSG bob :psst"));
        core.drainAll(); // the response ends in a lane task after the command's own
        assertThat(after(alice, from)).hasSize(2)
                .anyMatch(l -> l.matches("@label=m1;msgid=\\S+ :alice!~alice@127\\.0\\.0\\.1 PRIVMSG #lobby :hi"))
                .anyMatch(l -> l.matches("@label=m2;msgid=\\S+ :alice!~alice@127\\.0\\.0\\.1 PRIVMSG bob :psst"));
        core.drainAll();
        assertThat(bob.lines()).filteredOn(l -> l.contains(" PRIVMSG ")).hasSize(2).noneMatch(l -> l.contains("label="));
        assertThat(carol.lines()).filteredOn(l -> l.contains("PRIVMSG #lobby :hi")).hasSize(1)
                .noneMatch(l -> l.contains("label="));
    }

    @Test
    void errorsAreLabeledAndTheNextCommandIsOnItsOwn() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer alice = core.register("alice", 0, CAPS);
        int from = alice.lines().size();
        alice.send("@label=e1 PRIVMSG nobody :hello");
        alice.send("PING :plain");
        core.drainAll(); // the response ends in a lane task after the command's own
        assertThat(after(alice, from)).containsExactly(
                "@label=e1 :chat.localhost 401 alice nobody :No such nick/channel",
                ":chat.localhost PONG chat.localhost :plain");
    }

    @Test
    void aChangeEveryMemberSeesInOrderIsPartOfTheSendersResponse() throws Exception {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);
        CoreHarness.Peer alice = core.register("alice", 0, CAPS);
        CoreHarness.Peer bob = core.register("bob", 1, CAPS);
        alice.send("JOIN #r");
        alice.sync();
        bob.send("JOIN #r");
        alice.await(l -> l.startsWith(":bob!") && l.endsWith("JOIN #r"));
        int from = alice.lines().size();
        alice.send("@label=t1 TOPIC #r :fresh");
        alice.send("@label=m1 MODE #r +m");
        bob.await(l -> l.endsWith("MODE #r :+m"));
        core.drainAll();
        assertThat(after(alice, from)).containsExactly("@label=t1 :alice!~alice@127.0.0.1 TOPIC #r :fresh",
                "@label=m1 :alice!~alice@127.0.0.1 MODE #r :+m");
        assertThat(bob.lines()).filteredOn(l -> l.contains(" TOPIC ") || l.contains(" MODE "))
                .hasSize(2).noneMatch(l -> l.contains("label"));
    }

    @Test
    void someoneElsesLineEndsAnOpenResponseAndKeepsTheOrder() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer alice = core.register("alice", 0, CAPS);
        CoreHarness.Peer bob = core.register("bob", 0);
        int from = alice.lines().size();
        // one lane task: alice's labeled PONG, then bob's message reaches her before the response's end task
        alice.out.lane().execute(() -> {
            alice.session.receive(org.chatroom.protocol.IrcMessage.parse("@label=k PONG :x"));
            bob.session.receive(org.chatroom.protocol.IrcMessage.parse("PRIVMSG alice :between"));
        });
        core.drainAll();
        assertThat(after(alice, from)).containsExactly("@label=k :chat.localhost ACK",
                ":bob!~bob@127.0.0.1 PRIVMSG alice :between");
    }

    @Test
    void aCommandThatChecksAPasswordIsAnsweredWithItsOutcome() throws Exception {
        String hash = org.chatroom.server.auth.PasswordHash.create("sesame".toCharArray()).toString();
        core = new CoreHarness(Map.of("oper.accounts", "root:" + hash), 1);
        CoreHarness.Peer alice = core.register("alice", 0, CAPS);
        int from = alice.lines().size();
        alice.send("@label=o1 OPER root wrong");
        alice.send("@label=o2 OPER root sesame");
        alice.send("@label=p PING :after");
        alice.await(l -> l.startsWith("@label=p "));
        core.drainAll();
        List<String> got = after(alice, from);
        assertThat(got.get(0)).isEqualTo("@label=o1 :chat.localhost 464 alice :Password incorrect");
        assertThat(got.get(1)).matches("@label=o2 :chat\\.localhost BATCH \\+\\S+ labeled-response");
        assertThat(got.subList(2, 4)).allMatch(l -> l.startsWith("@batch="))
                .anyMatch(l -> l.contains(" 381 alice ")).anyMatch(l -> l.endsWith("MODE alice :+o"));
        assertThat(got.get(4)).startsWith(":chat.localhost BATCH -");
        assertThat(got.subList(5, got.size())).containsExactly("@label=p :chat.localhost PONG chat.localhost :after");
    }

    @Test
    void withoutTheBatchCapabilityNothingIsLabeled() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer alice = core.register("alice", 0, "labeled-response");
        int from = alice.lines().size();
        alice.send("@label=x PING :t");
        core.drainAll(); // the response ends in a lane task after the command's own
        assertThat(after(alice, from)).containsExactly(":chat.localhost PONG chat.localhost :t");
    }

    @Test
    void aLabeledQuitSendsItsResponseBeforeTheError() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer alice = core.register("alice", 0, CAPS);
        int from = alice.lines().size();
        alice.send("@label=q QUIT :bye");
        core.drainAll(); // the response ends in a lane task after the command's own
        assertThat(after(alice, from)).hasSize(2).first().isEqualTo("@label=q :chat.localhost ACK");
        assertThat(after(alice, from).get(1)).startsWith("ERROR :Closing link");
        assertThat(alice.out.closed).isTrue();
    }
}
