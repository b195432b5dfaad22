package org.chatroom.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class Ircv3Test {
    private ChatServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private IrcTestClient withCaps(String nick, String caps) throws Exception {
        IrcTestClient c = new IrcTestClient(server.port());
        c.send("CAP LS 302");
        c.send("CAP REQ :" + caps);
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
        c.awaitContains("CAP * ACK :" + caps);
        c.send("CAP END");
        c.awaitContains(" 366 " + nick + " #lobby ");
        return c;
    }

    @Test
    void capLsWithAndWithout302() throws Exception {
        try (IrcTestClient old = new IrcTestClient(server.port())) {
            old.send("CAP LS");
            String ls = old.awaitContains(" CAP * LS ");
            assertThat(IrcMessage.parse(ls).last().split(" ")).contains("message-tags", "away-notify", "invite-notify",
                    "cap-notify", "multi-prefix", "server-time", "echo-message", "batch", "labeled-response",
                    "standard-replies", "setname", "chghost", "userhost-in-names", "no-implicit-names",
                    "draft/no-implicit-names", "sasl", "draft/account-registration", "account-notify",
                    "extended-join")
                    .doesNotContain("sasl=PLAIN", "draft/multiline");
            old.send("CAP END");
            old.send("NICK old");
            old.send("USER o 0 * :O");
            old.awaitContains(" 001 old ");
            old.send("CAP LIST");
            old.awaitLine(l -> l.contains("CAP old LIST") && !l.contains("cap-notify"));
        }
        try (IrcTestClient modern = new IrcTestClient(server.port())) {
            modern.send("CAP LS 302");
            modern.awaitContains(" CAP * LS ");
            modern.send("CAP END");
            modern.send("NICK modern");
            modern.send("USER m 0 * :M");
            modern.awaitContains(" 001 modern ");
            modern.send("CAP LIST");
            modern.awaitLine(l -> l.contains("CAP modern LIST") && l.contains("cap-notify"));
            modern.send("CAP REQ :unknown-cap");
            modern.awaitContains("CAP modern NAK :unknown-cap");
            modern.send("CAP FROB");
            modern.awaitContains(" 410 modern FROB :Invalid CAP command");
        }
    }

    @Test
    void clientTagsAndMsgidReachOnlyMessageTagsClients() throws Exception {
        try (IrcTestClient tagged = withCaps("tagged", "message-tags");
             IrcTestClient plain = IrcTestClient.registered(server.port(), "plain");
             IrcTestClient sender = withCaps("sender", "message-tags")) {
            sender.send("@+draft/react=\\:smile\\:;+example.com/x=1;secret=no PRIVMSG #lobby :tagged hello");
            IrcMessage got = IrcMessage.parse(tagged.awaitContains("PRIVMSG #lobby :tagged hello"));
            assertThat(got.tags()).containsEntry("+draft/react", ";smile;").containsEntry("+example.com/x", "1")
                    .containsKey("msgid").doesNotContainKey("secret");
            String plainLine = plain.awaitContains("PRIVMSG #lobby :tagged hello");
            assertThat(plainLine).startsWith(":sender!");
            sender.send("@+typing=active TAGMSG #lobby");
            IrcMessage tagmsg = IrcMessage.parse(tagged.awaitContains(" TAGMSG #lobby"));
            assertThat(tagmsg.tags()).containsEntry("+typing", "active");
            plain.sync();
            assertThat(plain.received("TAGMSG")).isFalse();
        }
    }

    @Test
    void msgidsAreUniqueAndServerTimeCombines() throws Exception {
        try (IrcTestClient both = withCaps("both", "message-tags server-time");
             IrcTestClient sender = IrcTestClient.registered(server.port(), "sender")) {
            sender.send("PRIVMSG #lobby :one");
            sender.send("PRIVMSG #lobby :two");
            IrcMessage one = IrcMessage.parse(both.awaitContains("PRIVMSG #lobby :one"));
            IrcMessage two = IrcMessage.parse(both.awaitContains("PRIVMSG #lobby :two"));
            assertThat(one.tags()).containsKeys("time", "msgid");
            assertThat(one.tags().get("msgid")).isNotEqualTo(two.tags().get("msgid"));
        }
    }

    @Test
    void tagsHaveTheirOwnLimit() throws Exception {
        try (IrcTestClient sender = withCaps("sender", "message-tags");
             IrcTestClient other = withCaps("other", "message-tags")) {
            String bigTag = "@+big=" + "v".repeat(4000) + " "; // clients have 4094 bytes of tag data
            sender.send(bigTag + "PRIVMSG #lobby :" + "b".repeat(400));
            other.awaitContains("b".repeat(400));
            sender.send("@+huge=" + "v".repeat(4100) + " PRIVMSG #lobby :too much");
            sender.awaitContains(" 417 sender :Input line was too long");
            sender.send("@+ok=1 PRIVMSG #lobby :" + "c".repeat(520));
            sender.awaitLine(l -> l.contains(" 417 sender ") && sender.lines().stream().filter(x -> x.contains(" 417 ")).count() == 2);
            other.sync();
            assertThat(other.received("too much")).isFalse();
        }
    }

    @Test
    void labeledCommandsOverARealConnection() throws Exception {
        try (IrcTestClient alice = withCaps("alice", "batch labeled-response");
             IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            alice.send("@label=w WHOIS bob");
            String start = alice.awaitLine(l -> l.startsWith("@label=w ") && l.contains(" BATCH +"));
            String id = IrcMessage.parse(start).param(0).substring(1);
            alice.awaitLine(l -> l.startsWith("@batch=" + id + " ") && l.contains(" 318 alice bob "));
            alice.awaitLine(l -> l.endsWith(" BATCH -" + id));
            alice.send("@label=p PONG :x");
            alice.awaitLine(l -> l.equals("@label=p :chat.localhost ACK"));
            alice.send("@label=m PRIVMSG bob :hi");
            bob.awaitLine(l -> l.equals(":alice!~alice@127.0.0.1 PRIVMSG bob :hi"));
            alice.send("JOIN #mine");
            alice.awaitContains(" 366 alice #mine ");
            alice.send("@label=t TOPIC #mine :labeled topic"); // told to the room in order: still in the response
            alice.awaitLine(l -> l.equals("@label=t :alice!~alice@127.0.0.1 TOPIC #mine :labeled topic"));
            alice.sync();
            assertThat(alice.lines()).filteredOn(l -> l.startsWith("@label=m")).as("no echo, no reply: ACK")
                    .containsExactly("@label=m :chat.localhost ACK");
        }
    }

    @Test
    void awayAndInviteNotify() throws Exception {
        try (IrcTestClient watcher = withCaps("watcher", "away-notify invite-notify");
             IrcTestClient away = IrcTestClient.registered(server.port(), "drifter")) {
            away.send("AWAY :coffee");
            watcher.awaitContains(":drifter!~drifter@127.0.0.1 AWAY :coffee");
            away.send("AWAY");
            watcher.awaitLine(l -> l.equals(":drifter!~drifter@127.0.0.1 AWAY"));
            watcher.send("JOIN #club");
            watcher.awaitContains("JOIN #club");
            watcher.send("MODE #club +i");
            watcher.awaitContains("MODE #club :+i");
            try (IrcTestClient guest = IrcTestClient.registered(server.port(), "guest")) {
                watcher.send("MODE #club +o drifter");
                watcher.awaitContains(" 441 watcher drifter #club ");
                watcher.send("INVITE guest #club");
                guest.awaitContains("INVITE guest :#club");
                watcher.awaitContains(" 341 watcher guest :#club");
            }
        }
    }
}
