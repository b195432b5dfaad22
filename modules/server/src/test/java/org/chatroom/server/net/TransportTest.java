package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.chatroom.server.support.WsTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transport this machine can run carries a real chat, over the IRC listener and the WebSocket one, and
 * {@code auto} takes the first of its order this machine can run. In CI ({@code CI} set) on a kernel that allows io_uring,
 * its absence fails the build instead of quietly testing one transport fewer.
 */
@Timeout(60)
class TransportTest {

    static Stream<Transport> available() {
        return Arrays.stream(Transport.values()).filter(Transport::isAvailable);
    }

    @ParameterizedTest
    @MethodSource("available")
    void eachAvailableTransportCarriesAChatOverIrcAndWebSocket(Transport transport) throws Exception {
        try (ChatServer server = TestServer.start(Map.of("transport", transport.configName(), "flood.rate", "0"))) {
            assertThat(server.transport()).isEqualTo(transport);
            if (transport == Transport.IO_URING) {
                assertThat(ringsOfThisProcess()).as("io_uring instances of this JVM").isPositive();
            }
            try (IrcTestClient alice = IrcTestClient.registered(server.port(), "alice");
                 IrcTestClient bob = IrcTestClient.registered(server.port(), "bob");
                 WsTestClient carol = WsTestClient.registered(server.web().httpPort(), "carol")) {
                alice.awaitContains(":carol!");
                alice.send("PRIVMSG #lobby :over " + transport.configName());
                assertThat(bob.awaitContains("PRIVMSG #lobby :over ")).startsWith(":alice!");
                assertThat(carol.awaitContains("PRIVMSG #lobby :over ")).startsWith(":alice!");
                carol.send("PRIVMSG bob :a private word");
                assertThat(bob.awaitContains("PRIVMSG bob :a private word")).startsWith(":carol!");
                String big = "x".repeat(400); // more than one small read buffer's worth, in many lines
                for (int i = 0; i < 200; i++) {
                    bob.send("PRIVMSG #lobby :" + i + " " + big);
                }
                alice.awaitContains("PRIVMSG #lobby :199 " + big);
                carol.awaitContains("PRIVMSG #lobby :199 " + big);
                List<String> got = alice.lines().stream().filter(l -> l.contains(" " + big)).toList();
                assertThat(got).hasSize(200).allSatisfy(l -> assertThat(l).startsWith(":bob!"));
                assertThat(got.get(0)).endsWith(":0 " + big); // in order, whole
            }
        }
    }

    @Test
    void autoTakesTheBestTransportThisMachineCanRun() {
        Transport best = TransportChoice.AUTO_ORDER.stream().filter(Transport::isAvailable).findFirst().orElseThrow();
        try (ChatServer server = TestServer.start()) { // the shipped default, transport=auto
            assertThat(server.transport()).isEqualTo(best);
        }
    }

    @Test
    void ioUringIsAvailableWhereItIsExpected() {
        Throwable cause = Transport.IO_URING.unavailabilityCause();
        if (System.getenv("CI") != null && kernelAllowsIoUring()) {
            assertThat(cause).as("io_uring should run on this CI machine (Linux %s, io_uring_disabled=0)",
                    System.getProperty("os.version")).isNull();
        }
        // wherever it runs or not, a daemon asked for it by name gets it or a one-line refusal
        if (cause == null) {
            assertThat(TransportChoice.choose("io_uring").transport()).isEqualTo(Transport.IO_URING);
        } else {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TransportChoice.choose("io_uring")))
                    .hasMessageStartingWith("transport=io_uring is not available on this machine");
        }
    }

    /** Linux x86_64 of 5.10 or later with io_uring not switched off (kernel.io_uring_disabled, 6.6+). */
    private static boolean kernelAllowsIoUring() {
        if (!"Linux".equals(System.getProperty("os.name")) || !"amd64".equals(System.getProperty("os.arch"))) {
            return false;
        }
        String[] v = System.getProperty("os.version").split("[.-]");
        int major = Integer.parseInt(v[0]);
        int minor = v.length > 1 ? Integer.parseInt(v[1]) : 0;
        if (major < 5 || major == 5 && minor < 10) {
            return false;
        }
        try {
            Path knob = Path.of("/proc/sys/kernel/io_uring_disabled");
            return !Files.exists(knob) || Files.readString(knob).strip().equals("0");
        } catch (IOException e) {
            return true;
        }
    }

    /** How many io_uring instances this process holds (each shows as a file descriptor). */
    private static long ringsOfThisProcess() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().contains("io_uring");
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }
}
