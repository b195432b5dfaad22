package org.chatroom.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.chatroom.protocol.IrcMessage;

/**
 * A scripted IRC server on an ephemeral loopback port, for what our daemon cannot do on demand yet
 * (kicks and bans arrive with the admin socket) or does not do at all (old timestamps). It welcomes
 * each client after USER, then runs {@code script} with the client's socket output.
 */
final class FakeIrcServer implements AutoCloseable {
    private final ServerSocket listener;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<IrcMessage> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** {@code script} gets the connection number (1-based) and a line writer. */
    FakeIrcServer(BiConsumer<Integer, LineWriter> script) throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(() -> acceptLoop(script), "fake-irc-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Writes lines to one client; {@link #close()} ends its connection. */
    interface LineWriter {
        void send(String line);

        void close();
    }

    int port() {
        return listener.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    /** Everything clients sent, parsed. */
    List<IrcMessage> received() {
        return List.copyOf(received);
    }

    private void acceptLoop(BiConsumer<Integer, LineWriter> script) {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(s);
            int n = accepted.incrementAndGet();
            Thread t = new Thread(() -> serve(s, n, script), "fake-irc-" + n);
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s, int n, BiConsumer<Integer, LineWriter> script) {
        try (s) {
            OutputStream out = s.getOutputStream();
            LineWriter w = new LineWriter() {
                @Override
                public synchronized void send(String line) {
                    try {
                        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } catch (IOException ignored) {
                        // the client went away
                    }
                }

                @Override
                public void close() {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            };
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String nick = "*";
            while ((line = in.readLine()) != null) {
                IrcMessage m = IrcMessage.parse(line);
                received.add(m);
                if (m.command().equals("NICK")) {
                    nick = m.param(0);
                } else if (m.command().equals("PING")) {
                    w.send(IrcMessage.from("fake", "PONG", "fake", m.last()).toLine());
                } else if (m.command().equals("USER")) {
                    w.send(":fake 001 " + nick + " :Welcome");
                    w.send(":fake 422 " + nick + " :MOTD File is missing");
                    w.send(":" + nick + "!u@h JOIN #lobby");
                    script.accept(n, w);
                }
            }
        } catch (IOException ignored) {
            // connection closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
