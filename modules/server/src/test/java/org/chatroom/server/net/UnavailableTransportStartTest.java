package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon told to use a transport this machine cannot run stops at start with one line and exit 2. Netty's
 * {@code io.netty.transport.noNative} switch makes epoll and io_uring unavailable, which needs a JVM of its own.
 */
@Timeout(60)
class UnavailableTransportStartTest {
    @TempDir
    Path home;

    @Test
    void anExplicitTransportThatCannotRunIsAOneLineErrorWithExitTwo() throws Exception {
        for (String name : List.of("epoll", "io_uring")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Dio.netty.transport.noNative=true",
                    "-cp", System.getProperty("java.class.path"), "org.chatroom.server.Main",
                    "--home", home.toString(), "--port", "0", "--bind", "127.0.0.1",
                    "-o", "admin.enabled=false", "-o", "http.enabled=false", "-o", "transport=" + name)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isEqualTo(2);
            // the test class path holds slf4j-api (a test tool's), which warns on its own; the zip has none
            assertThat(err.strip().lines().filter(l -> !l.startsWith("SLF4J"))).as(err).hasSize(1).first().asString()
                    .startsWith("chat-server: transport=" + name + " is not available on this machine (")
                    .contains("noNative")
                    .endsWith("use transport=auto to take the best one available, or nio");
        }
    }
}
