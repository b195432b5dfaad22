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
 * WebSocket clients we did not write (irc-framework's WebSocket transport on text.ircv3.net, the
 * npm {@code ws} package on binary.ircv3.net) register and chat over /socket. Installed by .ci/run;
 * in CI a missing install fails, on a developer machine without npm it is skipped, as for
 * {@link IrcFrameworkInteropTest}.
 */
@Timeout(60)
class WebSocketInteropTest {
    private static final Path DIR = Path.of("src/test/interop");

    @Test
    void ircFrameworkAndWsChatOverBothSubprotocols() throws Exception {
        boolean installed = Files.isDirectory(DIR.resolve("node_modules/irc-framework"))
                && Files.isDirectory(DIR.resolve("node_modules/ws"));
        if (System.getenv("CI") != null) {
            assertThat(installed).as("irc-framework and ws installed by .ci/run (npm ci in " + DIR + ")").isTrue();
        }
        Assumptions.assumeTrue(installed, "irc-framework or ws not installed: run npm ci in " + DIR);
        try (ChatServer server = TestServer.start()) {
            Process node = new ProcessBuilder("node", "websocket-check.js", Integer.toString(server.web().httpPort()))
                    .directory(DIR.toFile()).redirectErrorStream(true).start();
            boolean finished = node.waitFor(30, TimeUnit.SECONDS);
            if (!finished) {
                node.destroyForcibly();
            }
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished).as(output).isTrue();
            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).contains("\"errors\":[]")
                    .contains("\"daveProtocol\":\"binary.ircv3.net\"")
                    .contains("privmsg dave #lobby hi carol, dave here")
                    .contains(":carol!~carol@127.0.0.1 PRIVMSG #lobby :hello dave")
                    .doesNotContain("\"text\"");
        }
    }
}
