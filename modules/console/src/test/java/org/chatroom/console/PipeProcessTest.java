package org.chatroom.console;

import org.chatroom.server.support.TestServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent;
import org.chatroom.server.ChatServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code printf 'hi\n' | chat-console --nick N}: {@link Main} as its own JVM with standard input
 * from a pipe, so the terminal detection and the logging setup are the real ones.
 */
@Timeout(60)
class PipeProcessTest {
    private ChatServer server;
    private Observer bob;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        bob = new Observer(server.port(), "bob");
    }

    @AfterEach
    void stop() {
        bob.close();
        server.close();
    }

    @Test
    void pipedHiPostsToTheRoomAndExitsZero() throws Exception {
        Process p = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--nick", "piped")).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write("hi\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit code; stderr: %s", err).isZero();
        assertThat(err).isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(bob.of(ChatEvent.RoomMessage.class))
                .singleElement().satisfies(m -> {
                    assertThat(m.nick()).isEqualTo("piped");
                    assertThat(m.text()).isEqualTo("hi");
                }));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).contains("--> you joined #lobby").doesNotContain("\u001b[");
    }
}
