package org.chatroom.server.support;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.chatroom.protocol.IrcMessage;

/** A raw IRC client over a real socket: records every line it receives, on its own reader thread. */
public final class IrcTestClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Socket socket;
    private final OutputStream out;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closedByServer = new AtomicBoolean();
    private final Thread reader;
    private int markCounter;
    private volatile boolean answerPings;

    public IrcTestClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        out = socket.getOutputStream();
        reader = new Thread(this::readLoop, "irc-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects, registers as {@code nick} and waits until the default room's NAMES end. */
    public static IrcTestClient registered(int port, String nick) throws IOException {
        IrcTestClient c = new IrcTestClient(port);
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick + " Test");
        c.awaitLine(l -> l.contains(" 366 " + nick + " #lobby "));
        return c;
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (answerPings && line.startsWith("PING ")) {
                    send("PONG " + line.substring(5)); // from the reader thread: answered as soon as it arrives
                }
            }
        } catch (IOException e) {
            // socket closed by us or reset by the server: both end the reader
        }
        closedByServer.set(true);
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public synchronized void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** From now on every PING the server sends is answered at once, as a real client does. */
    public IrcTestClient answeringPings() {
        answerPings = true;
        return this;
    }

    public List<String> lines() {
        return lines;
    }

    /** Waits for a line matching {@code p} and returns the first one. */
    public String awaitLine(Predicate<String> p) {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> lines.stream().filter(p).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    /** Waits for a line containing {@code text}. */
    public String awaitContains(String text) {
        return awaitLine(l -> l.contains(text));
    }

    /** Parsed form of the first line containing {@code text}. */
    public IrcMessage awaitMessage(String text) {
        return IrcMessage.parse(awaitContains(text));
    }

    /** Round-trips a PING so everything the server sent before it has arrived. */
    public void sync() throws IOException {
        String token = "mark" + (++markCounter) + "-" + System.nanoTime();
        send("PING :" + token);
        awaitLine(l -> l.contains("PONG") && l.endsWith(token));
    }

    public void awaitClosed() {
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).untilTrue(closedByServer);
    }

    public boolean isClosed() {
        return closedByServer.get();
    }

    /** Where the first line matching {@code p} is in {@link #lines()}, -1 if none is there yet. */
    public int indexOf(Predicate<String> p) {
        List<String> seen = List.copyOf(lines);
        for (int i = 0; i < seen.size(); i++) {
            if (p.test(seen.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A line from {@code nick} (any user and host) holding {@code rest}. */
    public static Predicate<String> from(String nick, String rest) {
        return l -> l.startsWith(":" + nick + "!") && l.contains(rest);
    }

    public boolean received(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    public void clear() {
        lines.clear();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
