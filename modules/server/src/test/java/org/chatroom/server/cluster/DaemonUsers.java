package org.chatroom.server.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
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

    /** Waits up to {@code bound} for a line of {@code c} matching {@code p}; returns it. */
    static String awaitLine(IrcTestClient c, Predicate<String> p, Duration bound) {
        return await().atMost(bound).pollInterval(Duration.ofMillis(20))
                .until(() -> c.lines().stream().filter(p).findFirst().orElse(null), java.util.Objects::nonNull);
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

    /**
     * Waits until {@code asker}'s node knows that {@code nick} is in {@code room} (WHOIS lists it): a room a
     * user has just made on one node is then the same room, with the same first op, on the asker's node.
     */
    static void awaitKnownIn(IrcTestClient asker, String askerNick, String nick, String room) {
        await().atMost(HOP).pollInterval(Duration.ofMillis(200)).until(() -> {
            asker.clear();
            asker.send("WHOIS " + nick);
            awaitLine(asker, l -> l.contains(" 318 " + askerNick + " " + nick + " "));
            return asker.lines().stream().anyMatch(l -> l.contains(" 319 " + askerNick + " " + nick + " ")
                    && l.contains(room));
        });
    }

    /** A user and its nick, for {@link #meet}. */
    record Member(String nick, IrcTestClient client) {
    }

    static Member member(String nick, IrcTestClient client) {
        return new Member(nick, client);
    }

    /**
     * The members join {@code room} in this order (the first is its operator: the second waits until its
     * node knows the first is there); returns once each has seen every later one join.
     */
    static void meet(String room, Member... members) throws IOException {
        for (int i = 0; i < members.length; i++) {
            join(members[i].client(), members[i].nick(), room);
            if (i == 0 && members.length > 1) {
                awaitKnownIn(members[1].client(), members[1].nick(), members[0].nick(), room);
            }
        }
        for (int j = 1; j < members.length; j++) {
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
