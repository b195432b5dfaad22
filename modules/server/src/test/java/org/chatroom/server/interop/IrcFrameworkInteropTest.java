package org.chatroom.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two clients of the npm library irc-framework (installed by .ci/run) chat through the daemon. In
 * CI a missing install fails the test; on a developer machine without npm it is skipped.
 */
@Timeout(60)
class IrcFrameworkInteropTest {
    private static final Path DIR = Path.of("src/test/interop");

    @Test
    void ircFrameworkClientsRegisterJoinChatAndQuit() throws Exception {
        boolean installed = Files.isDirectory(DIR.resolve("node_modules/irc-framework"));
        if (System.getenv("CI") != null) {
            assertThat(installed).as("irc-framework installed by .ci/run (npm ci in " + DIR + ")").isTrue();
        }
        Assumptions.assumeTrue(installed, "irc-framework not installed: run npm ci in " + DIR);
        try (ChatServer server = TestServer.start()) {
            Process node = new ProcessBuilder("node", "irc-framework-check.js", Integer.toString(server.port()))
                    .directory(DIR.toFile()).redirectErrorStream(true).start();
            boolean finished = node.waitFor(30, TimeUnit.SECONDS);
            if (!finished) {
                node.destroyForcibly();
            }
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished).as(output).isTrue();
            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).contains("\"errors\":[]")
                    .contains("alice #lobby hello from alice")
                    .contains("privmsg bob #lobby hi alice, bob here")
                    .contains("action bob #lobby waves")
                    .contains("bob Quit: done here")
                    .contains("alice #lobby", "bob #lobby");
        }
    }
}
