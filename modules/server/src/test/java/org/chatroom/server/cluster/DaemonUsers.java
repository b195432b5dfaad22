package org.chatroom.server.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.support.ClusterNodes;
import org.chatroom.server.support.IrcTestClient;

/** What the three-daemon tests do with their users: wait for lines from a nick, register with caps, read a batch. */
final class DaemonUsers {
    /** Bound on one cross-node step (a hop through Redis on a busy two-core machine). */
    static final Duration HOP = Duration.ofSeconds(10);

    private DaemonUsers() {
    }

    /** A line {@code nick} is the source of that contains {@code rest} (tags, user and host may vary). */
    static Predicate<String> from(String nick, String rest) {
        return l -> l.contains(":" + nick + "!") && l.contains(rest);
    }

    /** A MODE line from {@code nick} with exactly these parameters (however the last one is written). */
    static Predicate<String> mode(String nick, String... params) {
        return l -> {
            if (!l.contains(" MODE ")) {
                return false;
            }
            IrcMessage m = IrcMessage.parse(l);
            return m.command().equals("MODE") && nick.equals(m.sourceNick()) && m.params().equals(List.of(params));
        };
    }

    /** Waits up to {@code bound} for a line of {@code c} matching {@code p}; returns it. */
    static String awaitLine(IrcTestClient c, Predicate<String> p, Duration bound) {
        try {
            return await().atMost(bound).pollInterval(Duration.ofMillis(20))
                    .until(() -> c.lines().stream().filter(p).findFirst().orElse(null), java.util.Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            List<String> seen = c.lines();
            throw new AssertionError("no such line within " + bound + "; the last lines were:\n  "
                    + String.join("\n  ", seen.subList(Math.max(0, seen.size() - 15), seen.size())), e);
        }
    }

    static String awaitLine(IrcTestClient c, Predicate<String> p) {
        return awaitLine(c, p, HOP);
    }

    /** Every one of {@code watchers} sees {@code nick} join {@code room}. */
    static void awaitJoin(String nick, String room, IrcTestClient... watchers) {
        for (IrcTestClient w : watchers) {
            awaitLine(w, from(nick, " JOIN " + room).or(from(nick, " JOIN :" + room)));
        }
    }

    /** A user and its nick, for {@link #meet}. */
    record Member(String nick, IrcTestClient client) {
    }

    static Member member(String nick, IrcTestClient client) {
        return new Member(nick, client);
    }

    /**
     * The members join {@code room} one after the other, each once every earlier one has seen the one
     * before it join (the first is the room's operator).
     */
    static void meet(String room, Member... members) throws IOException {
        for (int j = 0; j < members.length; j++) {
            join(members[j].client(), members[j].nick(), room);
            for (int i = 0; i < j; i++) {
                awaitJoin(members[j].nick(), room, members[i].client());
            }
        }
    }

    /** {@code c} joins {@code room} and sees its own NAMES end. */
    static void join(IrcTestClient c, String nick, String room) throws IOException {
        c.send("JOIN " + room);
        awaitLine(c, l -> l.contains(" 366 " + nick + " " + room + " "));
    }

    /** Registers {@code nick} on node {@code node} with these IRCv3 capabilities (space-separated). */
    static IrcTestClient withCaps(ClusterNodes cluster, int node, String nick, String caps) throws IOException {
        IrcTestClient c = cluster.connect(node);
        c.send("CAP LS 302");
        c.send("CAP REQ :" + caps);
        awaitLine(c, l -> l.contains(" CAP * ACK :"));
        c.send("CAP END");
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
        awaitLine(c, l -> l.contains(" 366 " + nick + " #lobby "));
        return c;
    }

    /** Sends {@code request} and returns the inner lines of the batch that answers it. */
    static List<IrcMessage> batch(IrcTestClient c, String request) throws IOException {
        c.clear();
        c.send(request);
        String start = awaitLine(c, l -> l.contains(" BATCH +"));
        String id = IrcMessage.parse(start).param(0).substring(1);
        awaitLine(c, l -> l.endsWith(" BATCH -" + id));
        return c.lines().stream().map(IrcMessage::parse).filter(m -> id.equals(m.tags().get("batch"))).toList();
    }
}
