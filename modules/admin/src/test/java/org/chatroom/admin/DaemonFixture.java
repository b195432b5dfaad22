package org.chatroom.admin;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;

/** A real daemon with its admin socket under a short /tmp folder, and raw IRC users to populate it. */
final class DaemonFixture implements AutoCloseable {
    final Path dir;
    final Path socket;
    private ChatServer server;
    private final List<AutoCloseable> users = new CopyOnWriteArrayList<>();

    DaemonFixture() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "ca");
        socket = dir.resolve("run/chat-admin.sock");
    }

    DaemonFixture start() {
        Map<String, String> o = new HashMap<>();
        o.put("port", "0");
        o.put("http.port", "0");
        o.put("bind", "127.0.0.1");
        o.put("worker.threads", "2");
        o.put("motd.file", dir.resolve("motd.txt").toString());
        o.put("admin.enabled", "true");
        o.put("admin.socket", socket.toString());
        o.put("data.dir", dir.resolve("data").toString());
        server = new ChatServer(ServerConfig.defaults(o)).start();
        return this;
    }

    ChatServer server() {
        return server;
    }

    /** A registered IRC user: its received lines, and a way to send. */
    final class User implements AutoCloseable {
        private final Socket socket = new Socket();
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final OutputStream out;

        User(String nick) throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            out = socket.getOutputStream();
            Thread t = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = in.readLine()) != null) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "irc-user-" + nick);
            t.setDaemon(true);
            t.start();
            send("NICK " + nick);
            send("USER " + nick + " 0 * :" + nick);
            awaitContains(" 366 " + nick + " ");
            users.add(this);
        }

        void send(String line) throws IOException {
            synchronized (out) {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }

        void awaitContains(String text) {
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains(text)));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    User user(String nick) throws IOException {
        return new User(nick);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable u : users) {
            u.close();
        }
        if (server != null) {
            server.close();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
