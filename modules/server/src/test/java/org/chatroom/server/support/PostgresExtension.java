package org.chatroom.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL server for one test class: {@code initdb} and {@code pg_ctl} in a temp
 * folder, on a free loopback port, stopped and deleted after the class; never the system service.
 * Register it {@code static} with {@code @RegisterExtension}. PostgreSQL refuses to run as root, so
 * when the tests run as root (CI here) the server runs as {@code nobody} in a folder that user owns.
 * Without the binaries the class is skipped, except under CI (env {@code CI} set), where it fails.
 *
 * <p>Logins over TCP take a password (SCRAM); {@link #user()} owns a fresh database per
 * {@link #createDatabase()}.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {
    private static final String SUPERUSER_PASSWORD = "fixture-superuser";
    private static final String USER = "chat";
    private static final String USER_PASSWORD = "fixture-password-1";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Path dir;
    private PostgresBinaries bin;
    private int port;
    private Thread cleanup;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        bin = PostgresBinaries.find();
        dir = Files.createTempDirectory(Path.of("/tmp"), "pg");
        bin.handTo(dir);
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n");
        bin.handTo(pwfile);
        bin.run(dir, "initdb", "-D", data().toString(), "-U", "postgres", "--pwfile=" + pwfile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        start();
        cleanup = new Thread(this::stop, "postgres-fixture-stop"); // a test JVM ended early stops it too
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + USER_PASSWORD + "'");
        }
    }

    /** Starts on a free port; another program taking the port between the probe and the bind is retried. */
    private void start() throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            try {
                bin.run(dir, "pg_ctl", "-D", data().toString(), "-l", dir.resolve("server.log").toString(), "-w",
                        "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                                + " -c fsync=off -c full_page_writes=off -c max_connections=60", "start");
                return;
            } catch (IOException e) {
                last = e;
                if (!Files.readString(dir.resolve("server.log")).contains("could not bind")) {
                    throw e;
                }
            }
        }
        throw last;
    }

    private Path data() {
        return dir.resolve("data");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        if (cleanup != null) {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        if (dir != null) {
            try (var all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind
            }
        }
    }

    private synchronized void stop() {
        if (bin != null && dir != null && Files.exists(data().resolve("postmaster.pid"))) {
            try {
                bin.run(dir, "pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
            } catch (IOException | InterruptedException ignored) {
                // the process is gone already
            }
        }
    }

    public int port() {
        return port;
    }

    /** The login the daemon uses: it owns every database {@link #createDatabase} makes. */
    public String user() {
        return USER;
    }

    public String password() {
        return USER_PASSWORD;
    }

    /** A new, empty database owned by {@link #user()}; its JDBC URL. */
    public String createDatabase() {
        String name = "chat" + DATABASES.incrementAndGet();
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A superuser connection to {@code database}, for tests that look under the store. */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", SUPERUSER_PASSWORD);
    }

    /** A file holding {@code password} (as store.password.file wants it); deleted with the fixture's folder. */
    public Path writePasswordFile(String password) throws IOException {
        Path f = Files.createTempFile(dir, "password", ".txt");
        Files.writeString(f, password + "\n");
        return f;
    }
}
