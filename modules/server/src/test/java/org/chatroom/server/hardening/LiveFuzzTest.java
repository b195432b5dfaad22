package org.chatroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.LogWatcher;
import org.chatroom.server.support.ResourceCounts;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 20,000 seeded malformed and mutated lines (random bytes, overlong lines, bad UTF-8, missing
 * parameters, huge parameter counts, tag garbage, CTCP junk) from several connections into a live
 * daemon: it stays up, bystanders keep chatting, nothing is logged at WARN or above, and no thread
 * or file descriptor leaks.
 */
@Timeout(120)
class LiveFuzzTest {
    private static final List<String> SEEDS = List.of("PRIVMSG #lobby :hello", "NOTICE #lobby :\u0001VERSION\u0001",
            "@+a=b;c :n!u@h PRIVMSG #lobby :\u0001ACTION x\u0001", "JOIN #a,#b,#c key", "PART #a :bye",
            "TOPIC #lobby :new", "NICK fuzzy", "USER a 0 * :Real", "CAP REQ :server-time x", "MODE #lobby +b",
            "WHO #lobby", "WHOIS a b c", "PING", "LIST", "NAMES #lobby", "AWAY :gone", "KICK #lobby x");
    private static final String ALPHABET = " :@;=!#\\\u0001\r,*?+-/.abcXYZ019\u00e9\u20ac";

    @Test
    void daemonSurvivesTwentyThousandBadLines() throws Exception {
        try (ChatServer s = TestServer.start(java.util.Map.of("flood.rate", "0", "limits.exempt", "127.0.0.1"));
             LogWatcher log = LogWatcher.install();
             IrcTestClient alice = IrcTestClient.registered(s.port(), "alice");
             IrcTestClient bob = IrcTestClient.registered(s.port(), "bob")) {
            ResourceCounts before = ResourceCounts.now();
            SplittableRandom random = new SplittableRandom(7_2026L);
            int sent = 0;
            for (int conn = 0; conn < 10; conn++) {
                try (IrcTestClient fuzzer = new IrcTestClient(s.port())) {
                    if (conn % 2 == 0) {
                        fuzzer.send("NICK fz" + conn);
                        fuzzer.send("USER f 0 * :F");
                    }
                    ByteArrayOutputStream batch = new ByteArrayOutputStream();
                    for (int i = 0; i < 2000; i++, sent++) {
                        batch.write(mutate(random));
                        batch.write('\n');
                    }
                    try {
                        fuzzer.sendRaw(batch.toByteArray());
                        fuzzer.sync();
                    } catch (IOException | org.awaitility.core.ConditionTimeoutException closed) {
                        // a fuzzer that sent QUIT or broke registration may be closed: that is allowed
                    }
                }
                alice.send("PRIVMSG #lobby :still here " + conn);
                String text = "still here " + conn;
                bob.awaitLine(l -> l.endsWith(text));
            }
            assertThat(sent).isEqualTo(20_000);
            bob.send("PRIVMSG alice :and me");
            alice.awaitContains(":bob!~bob@127.0.0.1 PRIVMSG alice :and me");
            await().atMost(Duration.ofSeconds(10)).until(() -> s.stats().connections() == 2);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                ResourceCounts after = ResourceCounts.now();
                assertThat(after.threads()).as("threads: " + after.threadNames() + " before: " + before.threadNames()).isLessThanOrEqualTo(before.threads());
                assertThat(after.fds()).as("file descriptors").isLessThanOrEqualTo(before.fds());
            });
            assertThat(log.events()).as("WARN/ERROR log lines").isEmpty();
            assertThat(s.stats().linesRefused()).isPositive();
        }
    }

    private static byte[] mutate(SplittableRandom r) {
        String seed = SEEDS.get(r.nextInt(SEEDS.size()));
        switch (r.nextInt(7)) {
            case 0: { // random bytes (no newline: one line each)
                byte[] b = new byte[1 + r.nextInt(300)];
                r.nextBytes(b);
                for (int i = 0; i < b.length; i++) {
                    if (b[i] == '\n') {
                        b[i] = ' ';
                    }
                }
                return b;
            }
            case 1:
                return (seed + " " + "x".repeat(400 + r.nextInt(2000))).getBytes(StandardCharsets.UTF_8);
            case 2: { // bad UTF-8 inside an otherwise good line
                byte[] good = seed.getBytes(StandardCharsets.UTF_8);
                byte[] out = java.util.Arrays.copyOf(good, good.length + 2);
                out[good.length] = (byte) 0xC3;
                out[good.length + 1] = (byte) 0x28;
                return out;
            }
            case 3: { // huge parameter count
                StringBuilder sb = new StringBuilder(r.nextBoolean() ? "PRIVMSG" : "JOIN");
                for (int i = 0; i < 150; i++) {
                    sb.append(' ').append(i % 10);
                }
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 4: { // command with no parameters
                return seed.split(" ")[0].getBytes(StandardCharsets.UTF_8);
            }
            default: {
                StringBuilder sb = new StringBuilder(seed);
                int n = 1 + r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    int at = r.nextInt(sb.length() + 1);
                    char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                    if (r.nextBoolean() || at == sb.length()) {
                        sb.insert(at, c);
                    } else {
                        sb.setCharAt(at, c);
                    }
                }
                String line = sb.toString();
                // keep the bystanders' conversation ours: no QUIT/NICK storms that would rename them
                return line.getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
