package org.chatroom.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A one-connection scripted IRC server that welcomes the client into #lobby and, on {@link #kick},
 * sends what our daemon will send for an admin kick (issue 3): KICK, then ERROR, then closes.
 * Stands in until the daemon's admin socket lands.
 */
final class KickingServer implements AutoCloseable {
    private final ServerSocket listener;
    private final CountDownLatch kick = new CountDownLatch(1);
    private volatile Socket client;

    KickingServer() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::serve, "kicking-server");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void kick() {
        kick.countDown();
    }

    private void serve() {
        try (Socket s = listener.accept()) {
            client = s;
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String nick = "*";
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("NICK ")) {
                    nick = line.substring(5);
                } else if (line.startsWith("PING ")) {
                    send(out, ":fake PONG fake " + line.substring(5));
                } else if (line.startsWith("USER ")) {
                    send(out, ":fake 001 " + nick + " :Welcome");
                    send(out, ":fake 422 " + nick + " :MOTD File is missing");
                    send(out, ":" + nick + "!u@h JOIN #lobby");
                    String who = nick;
                    Thread k = new Thread(() -> {
                        try {
                            kick.await();
                            send(out, ":fake KICK #lobby " + who + " :flooding");
                            send(out, "ERROR :Closing link: " + who + "[127.0.0.1] (Kicked: flooding)");
                        } catch (InterruptedException | IOException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "kicker");
                    k.setDaemon(true);
                    k.start();
                }
            }
        } catch (IOException ignored) {
            // closed
        }
    }

    private static synchronized void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        kick.countDown();
        listener.close();
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }
}
