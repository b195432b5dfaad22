package org.chatroom.server;

import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.context.ServerStartException;

/** Entry point of the daemon: parse, start, wait for SIGTERM/SIGINT, stop cleanly, exit 0. */
public final class Main {
    private Main() {
    }

    /** After an out-of-memory error: exit at once with 1 (a supervisor restarts a clean process). */
    private static void die(Throwable error) {
        LogManager.shutdown();
        Runtime.getRuntime().halt(1);
    }

    public static void main(String[] args) {
        ServerCli.Outcome outcome = new ServerCli(System.out, System.err, System.in).parse(args);
        if (!outcome.shouldRun()) {
            System.exit(outcome.exitCode());
        }
        Logger log = LogManager.getLogger(Main.class);
        ChatServer server = new ChatServer(outcome.config()).configSource(outcome.configSource()).onFatal(Main::die);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                server.context().fatal(e);
            } else {
                log.error("uncaught error in thread {}", thread.getName(), e);
            }
        });
        try {
            server.start();
        } catch (ServerStartException e) {
            System.err.println(ServerCli.NAME + ": " + e.getMessage());
            log.error(e.getMessage());
            LogManager.shutdown();
            System.exit(ServerCli.EXIT_USAGE);
        }
        CountDownLatch stop = new CountDownLatch(1);
        server.closeFuture().thenRun(stop::countDown); // the admin "shutdown" command
        // Handling TERM ourselves (rather than only a shutdown hook) lets the JVM exit with 0, not 143.
        for (String name : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                log.info("received SIG{}", name);
                stop.countDown();
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!server.isClosed()) {
                server.close();
                LogManager.shutdown();
            }
        }, "chat-server-shutdown"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        LogManager.shutdown();
        System.exit(ServerCli.EXIT_OK);
    }
}
