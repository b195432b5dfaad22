package org.chatroom.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A private tmux server (its own socket name) with one window of a fixed size, driven by commands. */
final class Tmux implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static final java.util.regex.Pattern EXIT = java.util.regex.Pattern.compile("\\[exit (\\d+)\\]");

    private final String socket = "chat-console-test-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();

    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "tmux"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts {@code shellCommand} in a new session "t". When it ends, the shell prints its exit status
     * as {@code [exit N]} and the pane stays (tmux's own #{pane_dead_status} proved unreliable).
     */
    void start(String shellCommand, int width, int height) throws IOException, InterruptedException {
        run("new-session", "-d", "-s", "t", "-x", String.valueOf(width), "-y", String.valueOf(height),
                shellCommand + "; echo \"[exit $?]\"", ";", "set-option", "-t", "t", "remain-on-exit", "on");
    }

    /** Types {@code text} literally. */
    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", "t", "-l", text);
    }

    /** Presses keys by tmux name: Enter, C-d, C-c. */
    void press(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    /** The visible screen, one string per row, trailing blanks trimmed. */
    List<String> screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", "t").lines().map(String::stripTrailing).toList();
    }

    /** The last non-empty row: where the prompt and the typed text are. */
    String lastLine() throws IOException, InterruptedException {
        List<String> rows = screen();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!rows.get(i).isEmpty()) {
                return rows.get(i);
            }
        }
        return "";
    }

    /** The exit status once the command has ended, else null. */
    Integer exitStatus() throws IOException, InterruptedException {
        for (String row : screen()) {
            java.util.regex.Matcher m = EXIT.matcher(row);
            if (m.matches()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tmux " + args[0] + " hung");
        }
        if (p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        Process p = new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Single-quotes {@code s} for sh. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
