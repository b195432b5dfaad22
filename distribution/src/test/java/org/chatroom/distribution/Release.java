package org.chatroom.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The built release (zip and tarball) as the tests see it, and a way to run its scripts. */
final class Release {
    static final Path ZIP = Path.of(System.getProperty("chat.dist.zip", "target/chatroom.zip"));
    static final Path TAR = Path.of(System.getProperty("chat.dist.tar", "target/chatroom.tar.gz"));
    static final String NAME = System.getProperty("chat.dist.name", "chatroom");

    private Release() {
    }

    /** Opens the zip with its Unix permissions visible (jdk.zipfs). */
    static FileSystem openZip() throws IOException {
        assertThat(ZIP).as("the release zip; run `mvn package` first").isRegularFile();
        return FileSystems.newFileSystem(ZIP, Map.of("enablePosixFileAttributes", "true"));
    }

    /** Unpacks the zip into {@code dir}, keeping the permissions; returns the install folder. */
    static Path unpack(Path dir) throws IOException {
        try (FileSystem zip = openZip(); Stream<Path> entries = Files.walk(zip.getPath("/"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path target = dir.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                }
                PosixFileAttributes attrs = Files.getFileAttributeView(entry, PosixFileAttributeView.class)
                        .readAttributes();
                Files.setPosixFilePermissions(target, attrs.permissions());
            }
        }
        return dir.resolve(NAME);
    }

    /** What a script printed (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    /**
     * Runs {@code home/bin/script args} from {@code cwd} with the test's own JDK as JAVA_HOME and no
     * inherited Chatroom knobs; {@code env} adds variables.
     */
    static Result run(Path home, Path cwd, Map<String, String> env, Duration timeout, String script,
                      String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CHAT_") || k.equals("JAVA_OPTS"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile(cwd, script, ".out");
            pb.redirectOutput(out.toFile());
            Process process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " " + String.join(" ", args) + " did not finish within "
                        + timeout + "; output so far:\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            Files.delete(out);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Does the release's lib/ hold {@code className} (i.e. has that module been written yet)? */
    static boolean hasClass(Path home, String className) throws IOException {
        String entry = className.replace('.', '/') + ".class";
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            for (Path jar : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar"))::iterator) {
                try (FileSystem fs = FileSystems.newFileSystem(jar)) {
                    if (Files.exists(fs.getPath(entry))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
