package org.chatroom.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the release zip and tarball hold, checked without running anything. */
class ZipContentsIT {

    @Test
    void zipHasTheScriptsRunnableConfigDocumentsAndLib() throws IOException {
        try (FileSystem zip = Release.openZip()) {
            Path root = zip.getPath("/" + Release.NAME);
            for (String script : List.of("chat-env.sh", "chat-server.sh", "chat-admin.sh", "chat-console.sh",
                    "chat-gui.sh")) {
                Path p = root.resolve("bin").resolve(script);
                assertThat(p).exists();
                assertThat(permissions(p)).as(script).contains(PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
                assertThat(Files.readString(p)).as(script).startsWith("#!/usr/bin/env bash\n").doesNotContain("\r");
            }
            for (String cmd : List.of("chat-env.cmd", "chat-server.cmd", "chat-admin.cmd", "chat-console.cmd",
                    "chat-gui.cmd")) {
                assertThat(Files.readString(root.resolve("bin").resolve(cmd))).as(cmd).contains("\r\n");
            }
            for (String conf : List.of("chat-server.properties", "log4j2.xml", "tools-log4j2.xml", "motd.txt",
                    "chat-server.service", "haproxy.cfg.example")) {
                assertThat(root.resolve("conf").resolve(conf)).exists();
            }
            for (String doc : List.of("README.md", "CHANGELOG.md", "LICENSE")) {
                assertThat(root.resolve(doc)).exists();
            }
            try (Stream<Path> conf = Files.list(root.resolve("conf"))) {
                assertThat(conf.map(p -> p.getFileName().toString()))
                        .as("no local secrets or operator files in the release")
                        .noneMatch(n -> n.endsWith(".p12") || n.endsWith(".jks") || n.equals("tls.password")
                                || n.startsWith("chat-env."));
            }
            assertThat(root.resolve("logs")).doesNotExist();
            assertThat(root.resolve("run")).doesNotExist();
            assertThat(root.resolve("data")).doesNotExist();
        }
    }

    @Test
    void libHoldsEachJarOnceAndNoTestJars() throws IOException {
        try (FileSystem zip = Release.openZip(); Stream<Path> files = Files.list(zip.getPath("/" + Release.NAME, "lib"))) {
            List<String> all = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
            assertThat(all).isNotEmpty().allMatch(n -> n.endsWith(".jar") || n.endsWith(".classpath"));
            List<String> jars = all.stream().filter(n -> n.endsWith(".jar")).collect(Collectors.toList());
            assertThat(jars).noneMatch(n -> n.endsWith("-tests.jar") || n.endsWith("-test-sources.jar")
                    || n.contains("junit") || n.contains("assertj") || n.contains("awaitility"));
            assertThat(jars).anyMatch(n -> n.startsWith("chat-server-"))
                    .anyMatch(n -> n.startsWith("chat-protocol-"));
            // One version of each artifact: strip the version (first "-digit" on) and compare.
            List<String> artifacts = new ArrayList<>();
            for (String jar : jars) {
                artifacts.add(jar.replaceFirst("-\\d.*$", "") + classifier(jar));
            }
            assertThat(artifacts).doesNotHaveDuplicates();
        }
    }

    @Test
    void eachProgramHasItsOwnClassPathAndNoBenchmarkOnlyJarsShip() throws IOException {
        try (FileSystem zip = Release.openZip()) {
            Path lib = zip.getPath("/" + Release.NAME, "lib");
            try (Stream<Path> files = Files.list(lib)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("the JMH microbenchmarks (modules/bench-micro) are not shipped")
                        .noneMatch(n -> n.startsWith("jmh-") || n.startsWith("jopt-simple") || n.startsWith("commons-math3")
                                || n.startsWith("chat-bench-micro"));
            }
            assertThat(benchJarEntries(lib)).as("chat-bench's jar holds the load tool only")
                    .anyMatch(e -> e.startsWith("org/chatroom/bench/load/"))
                    .noneMatch(e -> e.startsWith("org/chatroom/bench/micro/") || e.equals("META-INF/BenchmarkList"));
            Map<String, List<String>> paths = new java.util.TreeMap<>();
            for (String program : List.of("chat-server", "chat-admin", "chat-console", "chat-swing", "chat-bench")) {
                Path list = lib.resolve(program + ".classpath");
                assertThat(list).as(program).isRegularFile();
                List<String> entries = List.of(Files.readString(list).strip().split(":"));
                for (String e : entries) {
                    assertThat(zip.getPath("/" + Release.NAME, e)).as(program + " lists " + e).isRegularFile();
                }
                paths.put(program, entries);
            }
            assertThat(paths.get("chat-server")).as("the daemon's class path")
                    .noneMatch(e -> e.contains("flatlaf") || e.contains("jline") || e.contains("chat-swing"));
            assertThat(paths.get("chat-swing")).as("the desktop client's class path")
                    .noneMatch(e -> e.contains("jline") || e.contains("chat-server") || e.contains("netty"));
            assertThat(paths.get("chat-console")).as("the console's class path")
                    .noneMatch(e -> e.contains("flatlaf") || e.contains("chat-server") || e.contains("netty"));
            assertThat(paths.get("chat-bench")).as("the load generator's class path")
                    .anyMatch(e -> e.contains("HdrHistogram")).anyMatch(e -> e.contains("jackson-jr-objects"))
                    .noneMatch(e -> e.contains("jmh") || e.contains("netty") || e.contains("chat-server"));
            assertThat(paths.get("chat-admin")).as("the admin console's class path")
                    .noneMatch(e -> e.contains("flatlaf") || e.contains("chat-server") || e.contains("netty"));
        }
    }

    @Test
    void windowsScriptsPassTheirArgumentsThroughAsTyped() throws IOException {
        try (FileSystem zip = Release.openZip(); Stream<Path> files = Files.list(zip.getPath("/" + Release.NAME, "bin"))) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".cmd") && !p.endsWith("chat-env.cmd")).toList();
            assertThat(scripts).hasSizeGreaterThanOrEqualTo(5);
            for (Path script : scripts) {
                String text = Files.readString(script, StandardCharsets.UTF_8);
                // re-splitting %* (for /f over it, or a command kept in a variable) breaks quotes, & and %
                assertThat(text).as(script.toString()).doesNotContain("(\"%*\")").doesNotContain("%CMD%")
                        .doesNotContain("%ARGS%");
                List<String> javaLines = text.lines().filter(l -> l.startsWith("\"%JAVA%\"")).toList();
                assertThat(javaLines).as(script.toString()).isNotEmpty().allMatch(l -> l.endsWith(" %*"));
            }
        }
    }

    @Test
    void windowsScriptsEachNameTheirOwnJarAndClassPathList() throws IOException {
        try (FileSystem zip = Release.openZip()) {
            Path root = zip.getPath("/" + Release.NAME);
            String env = Files.readString(root.resolve("bin/chat-env.cmd"), StandardCharsets.UTF_8);
            assertThat(env).as("chat-env.cmd builds the class path from lib\\JAR.classpath, not lib\\*")
                    .doesNotContain("lib\\*").contains("lib\\%CHAT_JAR%.classpath")
                    .contains("for /f \"usebackq delims=\"").doesNotContain("set /p ");
            Map<String, String> jarOf = Map.of("chat-server", "chat-server", "chat-admin", "chat-admin",
                    "chat-console", "chat-console", "chat-gui", "chat-swing", "chat-bench", "chat-bench");
            for (Map.Entry<String, String> program : jarOf.entrySet()) {
                String text = Files.readString(root.resolve("bin/" + program.getKey() + ".cmd"), StandardCharsets.UTF_8);
                assertThat(text).as(program.getKey()).contains(
                        "call \"%~dp0chat-env.cmd\" " + program.getKey() + " " + program.getValue() + " || exit /b 1");
                assertThat(root.resolve("lib/" + program.getValue() + ".classpath")).isRegularFile();
                try (Stream<Path> lib = Files.list(root.resolve("lib"))) {
                    assertThat(lib.map(p -> p.getFileName().toString()))
                            .as("the one jar lib\\" + program.getValue() + "-*.jar matches")
                            .filteredOn(n -> n.startsWith(program.getValue() + "-") && n.endsWith(".jar"))
                            .hasSize(1);
                }
            }
        }
    }

    @Test
    void tarballHoldsTheSameFilesAsTheZip() throws Exception {
        Set<String> zipped = new TreeSet<>();
        try (FileSystem zip = Release.openZip(); Stream<Path> all = Files.walk(zip.getPath("/"))) {
            all.filter(Files::isRegularFile).forEach(p -> zipped.add(p.toString().substring(1)));
        }
        Process tar = new ProcessBuilder("tar", "-tzf", Release.TAR.toString()).redirectErrorStream(true).start();
        Set<String> tarred = new String(tar.getInputStream().readAllBytes()).lines()
                .filter(l -> !l.endsWith("/")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(tar.waitFor()).isZero();
        assertThat(tarred).isEqualTo(zipped);

        Process verbose = new ProcessBuilder("tar", "-tvzf", Release.TAR.toString()).redirectErrorStream(true).start();
        List<String> scripts = new String(verbose.getInputStream().readAllBytes()).lines()
                .filter(l -> l.matches(".*/bin/[^/]+\\.sh$")).collect(Collectors.toList());
        assertThat(verbose.waitFor()).isZero();
        assertThat(scripts).isNotEmpty().allMatch(l -> l.startsWith("-rwxr-xr-x"));
    }

    /** The entry names of lib/chat-bench-VERSION.jar (a zip inside the zip: copied out to read it). */
    private static List<String> benchJarEntries(Path lib) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(lib)) {
            jar = files.filter(p -> p.getFileName().toString().matches("chat-bench-\\d.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no chat-bench jar in lib/"));
        }
        Path copy = Files.createTempFile("chat-bench", ".jar");
        try {
            Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(copy.toFile())) {
                return z.stream().map(java.util.zip.ZipEntry::getName).collect(Collectors.toList());
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static String classifier(String jar) {
        // netty-transport-native-epoll-4.2.18.Final-linux-x86_64.jar: keep the platform classifier
        int platform = jar.indexOf("-linux-");
        if (platform < 0) {
            platform = jar.indexOf("-osx-");
        }
        return platform < 0 ? "" : jar.substring(platform, jar.length() - 4);
    }

    private static Set<PosixFilePermission> permissions(Path p) throws IOException {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class).readAttributes().permissions();
    }
}
