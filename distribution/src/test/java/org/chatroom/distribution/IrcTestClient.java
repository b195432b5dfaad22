package org.chatroom.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A raw-socket IRC client: sends lines as typed, records every line received, answers PING. */
final class IrcTestClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean closedByServer;

    IrcTestClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        out = socket.getOutputStream();
        reader = new Thread(this::readLoop, "irc-test-client-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                received.add(line);
                if (line.startsWith("PING ")) {
                    send("PONG " + line.substring(5));
                }
            }
        } catch (IOException e) {
            // socket closed by close(): the test is over
        }
        closedByServer = true;
    }

    synchronized void send(String line) {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the server hung up; the test's assertions on received() tell the story
        }
    }

    List<String> received() {
        return received;
    }

    boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
