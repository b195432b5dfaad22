package org.chatroom.server.support;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw client of the admin socket: a reader thread queues every line it receives. */
public final class AdminTestClient implements AutoCloseable {
    private static final String EOF = "\u0000EOF";
    private final SocketChannel channel;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public AdminTestClient(Path socket) throws IOException {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        Thread reader = new Thread(this::readLoop, "admin-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** A reply: the status line and the body lines (the terminator is consumed). */
    public record Reply(String status, List<String> body) {
        public boolean ok() {
            return status.equals("OK");
        }

        public String text() {
            return String.join("\n", body);
        }
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        try {
            while (channel.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    if (b == '\n') {
                        lines.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
                buf.clear();
            }
        } catch (IOException e) {
            // closed
        }
        lines.add(EOF);
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** The next line, waiting up to 5 s; null at the end of the connection. */
    public String nextLine() throws InterruptedException {
        String l = lines.poll(5, TimeUnit.SECONDS);
        if (l == null) {
            throw new AssertionError("no line from the admin socket within 5 s");
        }
        return l.equals(EOF) ? null : l;
    }

    /** Reads one whole reply. */
    public Reply reply() throws InterruptedException {
        String status = nextLine();
        if (status == null) {
            throw new AssertionError("connection closed before a reply");
        }
        List<String> body = new ArrayList<>();
        String l;
        while ((l = nextLine()) != null && !l.isEmpty()) {
            body.add(l);
        }
        return new Reply(status, body);
    }

    public Reply call(String line) throws IOException, InterruptedException {
        send(line);
        return reply();
    }

    /** Waits for the server to close the connection, returning the lines seen before. */
    public List<String> awaitClosed() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        String l;
        while ((l = nextLine()) != null) {
            seen.add(l);
        }
        return seen;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
