package org.chatroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The prompt follows the state even when it changes between two reads, where JLine refuses widgets. */
@Timeout(20)
class LivePromptTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ExecutorService main = Executors.newSingleThreadExecutor();
    private Terminal terminal;
    private LineReader reader;
    private volatile String state = "alice #lobby> ";
    private LivePrompt prompt;

    @BeforeEach
    void start() throws Exception {
        terminal = TerminalBuilder.builder().system(false).streams(new PipedInputStream(keys), screen)
                .type("dumb").encoding(StandardCharsets.UTF_8).build();
        reader = LineReaderBuilder.builder().terminal(terminal).build();
        prompt = new LivePrompt(reader, () -> state);
    }

    @AfterEach
    void stop() throws Exception {
        main.shutdownNow();
        terminal.close();
    }

    private String shown() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aChangeBetweenReadsIsShownByTheNextRead() throws Exception {
        state = "alice #dev> ";
        prompt.refresh(); // no read is running: refused by JLine, picked up by the next read
        Future<String> line = main.submit(() -> reader.readLine("alice #lobby> ")); // computed before the change
        await().atMost(WAIT).until(() -> shown().contains("alice #dev> "));
        keys.write("hi\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(line.get(5, TimeUnit.SECONDS)).isEqualTo("hi");
        assertThat(shown()).doesNotContain("#lobby");
    }

    @Test
    void aChangeDuringAReadRedrawsThePrompt() throws Exception {
        Future<String> line = main.submit(() -> reader.readLine(state));
        await().atMost(WAIT).until(() -> shown().contains("alice #lobby> "));
        await().atMost(WAIT).until(reader::isReading);
        state = "alice #dev> ";
        prompt.refresh();
        await().atMost(WAIT).until(() -> shown().contains("alice #dev> "));
        keys.write("ok\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(line.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
    }
}
