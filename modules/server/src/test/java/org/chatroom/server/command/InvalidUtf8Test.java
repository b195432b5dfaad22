package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chatroom.protocol.IrcMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * UTF8ONLY through the core: the transport hands the session a non-UTF-8 line with its bad bytes
 * replaced (as IrcLineDecoder does); never silence, never the connection.
 */
@Timeout(30)
class InvalidUtf8Test {
    private static final String REJECTED = "Message rejected, your IRC software MUST use UTF-8 encoding on this network";
    private CoreHarness core;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    private static void invalid(CoreHarness.Peer p, String replacedLine) {
        IrcMessage m = replacedLine == null ? null : IrcMessage.parse(replacedLine);
        p.out.lane().execute(() -> p.session.invalidUtf8(m));
    }

    @Test
    void aRegisteredClientGetsFailAndNothingIsRelayed() throws Exception {
        core = new CoreHarness(Map.of(), 2);
        CoreHarness.Peer alice = core.register("alice", 0);
        CoreHarness.Peer bob = core.register("bob", 1);
        invalid(alice, "PRIVMSG #lobby :caf\uFFFD");
        invalid(alice, null);
        alice.send("PRIVMSG #lobby :after");
        bob.await(l -> l.endsWith("PRIVMSG #lobby :after"));
        alice.sync();
        assertThat(alice.lines()).contains(":chat.localhost FAIL PRIVMSG INVALID_UTF8 :" + REJECTED,
                ":chat.localhost FAIL * INVALID_UTF8 :" + REJECTED);
        assertThat(bob.lines()).noneMatch(l -> l.contains("caf"));
        assertThat(alice.out.closed).isFalse();
    }

    @Test
    void aRealNameWithBadBytesIsTakenReplacedAndRegistrationCompletes() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer p = core.connect(0);
        invalid(p, "NICK bad\uFFFDnick");
        p.send("NICK good");
        invalid(p, "USER u 0 * :Jos\uFFFD");
        p.await(l -> l.contains(" 001 good "));
        assertThat(p.lines()).contains(":chat.localhost FAIL NICK INVALID_UTF8 :" + REJECTED,
                ":chat.localhost WARN USER INVALID_UTF8 :Your message was not correctly encoded as UTF-8 and had to be modified");
        p.send("WHOIS good");
        p.await(l -> l.contains(" 311 good good ~u 127.0.0.1 * :Jos\uFFFD"));
    }

    @Test
    void aLabeledBadLineGetsALabeledFail() throws Exception {
        core = new CoreHarness(Map.of(), 1);
        CoreHarness.Peer alice = core.register("alice", 0, "batch labeled-response");
        invalid(alice, "@label=u8 PRIVMSG #lobby :\uFFFD");
        alice.await(l -> l.equals("@label=u8 :chat.localhost FAIL PRIVMSG INVALID_UTF8 :" + REJECTED));
    }
}
