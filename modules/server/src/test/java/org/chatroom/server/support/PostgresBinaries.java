package org.chatroom.server.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Where {@code initdb} and {@code pg_ctl} are (on PATH, else Debian's /usr/lib/postgresql/N/bin,
 * newest first), and how to run them: as {@code nobody} when we are root, since PostgreSQL
 * refuses to run as root.
 */
final class PostgresBinaries {
    private static final String UNPRIVILEGED = "nobody";

    private final Path bin;
    private final boolean root;

    private PostgresBinaries(Path bin, boolean root) {
        this.bin = bin;
        this.root = root;
    }

    /** The binaries; missing ones skip the test class, or fail it under CI. */
    static PostgresBinaries find() throws IOException {
        Optional<Path> found = onPath().or(PostgresBinaries::debian);
        if (found.isEmpty()) {
            String why = "PostgreSQL's initdb and pg_ctl are not installed (Debian: apt-get install postgresql)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(why + "; CI must run the PostgreSQL tests");
            }
            Assumptions.abort(why);
        }
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        return new PostgresBinaries(found.get(), Integer.valueOf(0).equals(uid));
    }

    private static Optional<Path> onPath() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path dir = Path.of(d.isEmpty() ? "." : d);
            if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> debian() {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Gives {@code file} to the user the server runs as (nothing to do when we are not root). */
    void handTo(Path file) throws IOException {
        if (root) {
            UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(file, users.lookupPrincipalByName(UNPRIVILEGED));
        }
    }

    /** Runs {@code tool} in {@code dir} until it exits; a failure is an IOException with its output. */
    void run(Path dir, String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + group(), "--clear-groups", "--"));
        }
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("pg-" + tool, ".out");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(tool + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(tool + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(out, StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The unprivileged user's own group (nogroup on Debian, nobody elsewhere). */
    private static String group() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-g", UNPRIVILEGED).redirectErrorStream(true).start();
        String gid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IOException("id -g " + UNPRIVILEGED + " failed: " + gid);
        }
        return gid;
    }
}
