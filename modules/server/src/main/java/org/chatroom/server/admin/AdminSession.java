package org.chatroom.server.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.context.ServerContext;

/**
 * One admin connection, on a thread of its own: reads request lines, runs them, writes replies.
 * During {@code monitor} this thread keeps reading (any line or the end of the connection stops
 * the stream) while a second thread writes the events.
 */
final class AdminSession implements Runnable {
    private static final Logger LOG = LogManager.getLogger();
    static final int MAX_LINE_BYTES = 4096;
    static final int MONITOR_QUEUE_LIMIT = 10_000;
    /** Commands that change something: logged at INFO whether they succeed (by the command) or not (here). */
    private static final java.util.Set<String> MUTATING = java.util.Set.of("kick", "ban", "unban", "say", "topic",
            "reload", "shutdown");

    private final SocketChannel channel;
    private final AdminCommands commands;
    private final ServerContext context;
    private final ExecutorService writers;
    private final String who;
    private final Object writeLock = new Object();
    private volatile long lastActiveNanos = System.nanoTime();
    private volatile boolean monitoring;

    AdminSession(SocketChannel channel, AdminCommands commands, ServerContext context, ExecutorService writers,
                 String who) {
        this.channel = channel;
        this.commands = commands;
        this.context = context;
        this.writers = writers;
        this.who = who;
    }

    /** Nanos since the last request, or 0 while a monitor stream runs (it is never idle). */
    long idleNanos(long now) {
        return monitoring ? 0 : now - lastActiveNanos;
    }

    String who() {
        return who;
    }

    @Override
    public void run() {
        AdminLineReader reader = new AdminLineReader(channel, MAX_LINE_BYTES);
        try {
            while (channel.isOpen()) {
                AdminLineReader.Result r = reader.read();
                lastActiveNanos = System.nanoTime();
                if (r instanceof AdminLineReader.End) {
                    break;
                } else if (r instanceof AdminLineReader.TooLong t) {
                    reply(AdminReply.error(AdminReply.SYNTAX, "line too long (at most " + t.limit() + " bytes)"), false);
                } else if (r instanceof AdminLineReader.BadText b) {
                    reply(AdminReply.error(AdminReply.SYNTAX, b.why()), false);
                } else if (!handle(((AdminLineReader.Line) r).text(), reader)) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.debug("admin connection ({}) ended: {}", who, e.toString());
        } finally {
            close();
        }
    }

    /** Runs one line; false when the connection should end. */
    private boolean handle(String line, AdminLineReader reader) throws IOException {
        if (line.isBlank()) {
            return true; // an empty line is not a request: nothing to answer (lets "nc" users press Enter)
        }
        AdminRequest request;
        try {
            request = AdminRequest.parse(line);
        } catch (AdminException e) {
            reply(AdminReply.error(e.code(), e.getMessage()), false);
            return true;
        }
        if (request.command().equals("monitor") || request.command().equals("quit")) {
            try {
                commands.check(request);
            } catch (AdminException e) {
                reply(AdminReply.error(e.code(), e.getMessage()), false);
                return true;
            }
            if (request.command().equals("quit")) {
                reply(AdminReply.ok(), false);
                return false;
            }
            return monitor(request.json(), reader);
        }
        AdminReply reply = commands.run(request, who);
        if (!reply.isOk() && MUTATING.contains(request.command())) {
            boolean text = request.command().equals("say") || request.command().equals("topic"); // never log message text
            LOG.info("admin ({}): {}{} refused: {}", who, request.command(), text ? "" : " " + request.args(),
                    reply.lines(false).get(0));
        }
        reply(reply, request.json());
        reply.after().run();
        return true;
    }

    /**
     * Streams events until the admin sends a line or goes away. Replies {@code OK}, then one line
     * per event, then the empty terminator, after which the connection takes requests again.
     */
    private boolean monitor(boolean json, AdminLineReader reader) throws IOException {
        Monitor monitor = new Monitor(MONITOR_QUEUE_LIMIT, json, () -> writers.execute(this::close));
        context.events().add(monitor); // before OK: whatever happens after the admin sees OK is streamed
        write("OK\n");
        monitoring = true;
        LOG.info("admin ({}): monitor started", who);
        Future<?> writer = writers.submit(() -> {
            try {
                String event;
                while ((event = monitor.next()) != null) {
                    write(event + "\n");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                close();
            }
        });
        boolean keepOpen;
        try {
            AdminLineReader.Result r = reader.read();
            keepOpen = !(r instanceof AdminLineReader.End);
        } catch (IOException e) {
            keepOpen = false;
        } finally {
            context.events().remove(monitor);
            monitor.stop();
            monitoring = false;
            lastActiveNanos = System.nanoTime();
        }
        try {
            writer.get();
        } catch (Exception e) {
            keepOpen = false;
        }
        LOG.info("admin ({}): monitor stopped{}", who, monitor.overflowed() ? " (the admin read too slowly)" : "");
        if (monitor.overflowed() || !keepOpen || !channel.isOpen()) {
            return false;
        }
        write("\n");
        return true;
    }

    private void reply(AdminReply reply, boolean json) throws IOException {
        List<String> lines = reply.lines(json);
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        sb.append('\n');
        write(sb.toString());
    }

    /** Writes {@code text} whole; a monitor writer and the session never interleave inside a line. */
    void write(String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        synchronized (writeLock) {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }
    }

    /** Sends a last error line if possible and closes. */
    void closeWith(AdminReply reply) {
        try {
            reply(reply, false);
        } catch (IOException e) {
            // going away anyway
        }
        close();
    }

    /**
     * Refuses the connection: sends {@code reply}, ends our side, and reads what the peer sent
     * until it closes (at most {@code wait}), so the peer can read the reason rather than a
     * "connection reset" caused by closing with unread input.
     */
    void refuse(AdminReply reply, java.time.Duration wait) {
        try {
            reply(reply, false);
            channel.shutdownOutput();
            channel.configureBlocking(false);
            try (java.nio.channels.Selector sel = java.nio.channels.Selector.open()) {
                channel.register(sel, java.nio.channels.SelectionKey.OP_READ);
                ByteBuffer sink = ByteBuffer.allocate(4096);
                long deadline = System.nanoTime() + wait.toNanos();
                long left;
                while ((left = deadline - System.nanoTime()) > 0) {
                    sel.select(Math.max(1, left / 1_000_000));
                    sel.selectedKeys().clear();
                    sink.clear();
                    if (channel.read(sink) < 0) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            // the peer is gone already
        } finally {
            close();
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing an admin connection: {}", e.toString());
        }
    }
}
