package org.chatroom.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.admin.ConfigReload;
import org.chatroom.server.context.ServerStartException;

/** Entry point of the daemon: parse, start, reload on SIGHUP, wait for SIGTERM/SIGINT, stop cleanly, exit 0. */
public final class Main {
    private Main() {
    }

    /** After an out-of-memory error: exit at once with 1 (a supervisor restarts a clean process). */
    private static void die(Throwable error) {
        LogManager.shutdown();
        Runtime.getRuntime().halt(1);
    }

    /** The constructed (the database open) and started daemon; a start error exits 2 with its one line. */
    private static ChatServer started(ServerCli.Outcome outcome, Logger log) {
        try {
            ChatServer server = new ChatServer(outcome.config()).configSource(outcome.configSource()).onFatal(Main::die);
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
                if (e instanceof OutOfMemoryError) {
                    server.context().fatal(e);
                } else {
                    log.error("uncaught error in thread {}", thread.getName(), e);
                }
            });
            return server.start();
        } catch (ServerStartException e) {
            System.err.println(ServerCli.NAME + ": " + e.getMessage());
            log.error(e.getMessage());
            LogManager.shutdown();
            System.exit(ServerCli.EXIT_USAGE);
            throw e; // not reached
        }
    }

    public static void main(String[] args) {
        ServerCli.Outcome outcome = new ServerCli(System.out, System.err, System.in).parse(args);
        if (!outcome.shouldRun()) {
            System.exit(outcome.exitCode());
        }
        Logger log = LogManager.getLogger(Main.class);
        ChatServer server = started(outcome, log);
        CountDownLatch stop = new CountDownLatch(1);
        server.closeFuture().thenRun(stop::countDown); // the admin "shutdown" command
        // Handling TERM ourselves (rather than only a shutdown hook) lets the JVM exit with 0, not 143.
        for (String name : new String[] {"TERM", "INT"}) {
            Signals.handle(name, () -> { // null or a reason: INT is ignored in a background job, and then stays so
                log.info("received SIG{}", name);
                stop.countDown();
            });
        }
        String noHup = Signals.handle("HUP", () -> ConfigReload.onSignal(server)); // reload, as IRC daemons do
        if (noHup != null) {
            log.info("{}: use 'chat-admin.sh reload' to re-read the configuration", noHup);
        }
        Path ready = outcome.readyFile(); // written last: whoever waits for it may signal at once
        if (ready != null) {
            try {
                ReadyFile.write(ready, server);
            } catch (IOException e) {
                log.warn("cannot write the ready file {}: {}", ready, e.toString());
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!server.isClosed()) {
                server.close();
                if (ready != null) {
                    ReadyFile.remove(ready);
                }
                LogManager.shutdown();
            }
        }, "chat-server-shutdown"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        if (ready != null) {
            ReadyFile.remove(ready);
        }
        removePidFile(outcome.pidFile(), log);
        LogManager.shutdown();
        System.exit(ServerCli.EXIT_OK);
    }

    /**
     * A clean stop (SIGTERM, or the admin's shutdown) takes its pid file along, so that status says
     * "not running" (3) and only a crash leaves one. Only our own pid is removed: a newer start may own it.
     */
    static void removePidFile(java.nio.file.Path pidFile, Logger log) {
        if (pidFile == null) {
            return;
        }
        try {
            String held = java.nio.file.Files.readString(pidFile).strip();
            if (held.equals(String.valueOf(ProcessHandle.current().pid()))) {
                java.nio.file.Files.delete(pidFile);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // already gone
        } catch (java.io.IOException e) {
            log.warn("cannot remove the pid file {}: {}", pidFile, e.toString());
        }
    }
}
