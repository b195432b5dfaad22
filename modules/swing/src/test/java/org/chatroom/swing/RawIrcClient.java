package org.chatroom.swing;

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
import java.util.function.Predicate;

/** A raw IRC client over a real socket that records every line it receives (after the server's test client). */
final class RawIrcClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private RawIrcClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "raw-irc-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects, registers as {@code nick} and waits until the default room's NAMES end. */
    static RawIrcClient registered(int port, String nick) throws IOException {
        RawIrcClient c = new RawIrcClient(port);
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
        c.awaitLine(l -> l.contains(" 366 " + nick + " #lobby "));
        return c;
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("PING ")) {
                    send("PONG " + line.substring(5));
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    synchronized void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String awaitLine(Predicate<String> p) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> lines.stream().filter(p).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String awaitContains(String text) {
        return awaitLine(l -> l.contains(text));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
