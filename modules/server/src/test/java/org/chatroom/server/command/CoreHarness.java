package org.chatroom.server.command;


import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.ServerStats;
import org.chatroom.server.state.ChatRegistry;

/** The core with no transport: sessions on test lanes, talking through fake outbound ports. */
final class CoreHarness implements AutoCloseable {
    final ServerContext context;
    final CommandDispatcher dispatcher = new CommandDispatcher();
    private final List<TestLane> lanes = new ArrayList<>();
    private final java.nio.file.Path dataDir;

    CoreHarness(Map<String, String> overrides, int laneCount) {
        Map<String, String> all = new HashMap<>();
        all.put("motd.file", "target/no-such-motd.txt");
        all.put("flood.exempt", "127.0.0.1");
        all.putAll(overrides);
        context = new ServerContext(ServerConfig.defaults(all), null, new ChatRegistry(), new ServerStats(), "test");
        try { // a real database, as the daemon has: accounts and nick ownership read it
            dataDir = java.nio.file.Files.createTempDirectory("core-harness");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        context.store(org.chatroom.server.store.sqlite.SqliteStore.open(new org.chatroom.server.store.sqlite.SqliteStore.Options(
                "jdbc:sqlite:" + dataDir.resolve("chatroom.db"), 1000, 100, 1)));
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new TestLane("lane-" + i));
        }
    }

    TestLane lane(int i) {
        return lanes.get(i % lanes.size());
    }

    /** A connection on lane {@code i}, not registered. */
    Peer connect(int lane) throws Exception {
        FakeOutbound out = new FakeOutbound(lane(lane));
        ChatSession session = CompletableFuture.supplyAsync(() -> {
            ChatSession s = new ChatSession(context, dispatcher, out, "127.0.0.1", "127.0.0.1:1", false);
            s.opened();
            return s;
        }, out.lane()).get(5, TimeUnit.SECONDS);
        return new Peer(session, out);
    }

    /** A registered user on lane {@code i}, past its welcome (and default room, if any). */
    Peer register(String nick, int lane) throws Exception {
        Peer p = connect(lane);
        p.send("NICK " + nick);
        p.send("USER " + nick + " 0 * :" + nick);
        p.await(l -> l.contains(" 001 " + nick + " "));
        p.sync();
        return p;
    }

    /** Like {@link #register} with IRCv3 capabilities {@code caps} (space-separated) negotiated first. */
    Peer register(String nick, int lane, String caps) throws Exception {
        Peer p = connect(lane);
        p.send("CAP LS 302");
        p.send("CAP REQ :" + caps);
        p.send("NICK " + nick);
        p.send("USER " + nick + " 0 * :" + nick);
        p.send("CAP END");
        p.await(l -> l.contains(" 001 " + nick + " "));
        p.sync();
        return p;
    }

    /** Waits until every lane has run what was queued on it. */
    void drainAll() throws Exception {
        for (int round = 0; round < 3; round++) { // work on one lane may queue work on another
            for (TestLane l : lanes) {
                l.drain();
            }
        }
    }

    @Override
    public void close() {
        lanes.forEach(TestLane::close);
        context.passwords().close();
        context.store().close();
        try (var files = java.nio.file.Files.list(dataDir)) {
            for (java.nio.file.Path f : files.toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
            java.nio.file.Files.deleteIfExists(dataDir);
        } catch (java.io.IOException e) {
            // a leftover temporary folder; nothing else depends on it
        }
    }

    /** One user: lines go in on its lane, what the server sent is in {@link #lines()}. */
    static final class Peer {
        final ChatSession session;
        final FakeOutbound out;

        Peer(ChatSession session, FakeOutbound out) {
            this.session = session;
            this.out = out;
        }

        void send(String line) {
            IrcMessage m = IrcMessage.parse(line);
            out.lane().execute(() -> session.receive(m));
        }

        List<String> lines() {
            return out.lines;
        }

        void await(Predicate<String> p) {
            org.awaitility.Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(5)).until(() -> out.lines.stream().anyMatch(p));
        }

        /** Waits until what was sent so far has been handled. */
        void sync() throws Exception {
            out.lane().drain();
        }

        long count(Predicate<String> p) {
            return out.lines.stream().filter(p).count();
        }
    }
}
