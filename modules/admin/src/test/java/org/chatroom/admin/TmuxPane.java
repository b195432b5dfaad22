package org.chatroom.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One tmux window on a private tmux server: a real pty for the console, driven by keystrokes. */
final class TmuxPane implements AutoCloseable {
    private final String server = "chat-admin-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "tmux"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code shellCommand}; when it ends the pane shows {@code [exit N]} and stays. */
    void start(String shellCommand) throws IOException, InterruptedException {
        run("new-session", "-d", "-s", "t", "-x", "120", "-y", "30", shellCommand + "; echo \"[exit $?]\"", ";",
                "set-option", "-t", "t", "remain-on-exit", "on");
    }

    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", "t", "-l", text);
    }

    void press(String key) throws IOException, InterruptedException {
        run("send-keys", "-t", "t", key);
    }

    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", "t");
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", server, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tmux", "-L", server, "kill-server").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(10, TimeUnit.SECONDS);
    }
}
