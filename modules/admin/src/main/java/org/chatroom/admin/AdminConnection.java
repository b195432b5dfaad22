package org.chatroom.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A connection to the daemon's admin socket. Requests and replies are UTF-8 lines; a reply is a
 * status line, body lines and an empty line. Reading and writing go straight to the channel, so
 * one thread may write (to stop a monitor) while another is blocked reading.
 */
final class AdminConnection implements AutoCloseable {
    private final Path path;
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(8192);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private AdminConnection(Path path, SocketChannel channel) {
        this.path = path;
        this.channel = channel;
        in.flip();
    }

    /** Connects, or explains in one line why the daemon cannot be reached there. */
    static AdminConnection open(Path path) throws NotRunningException {
        if (!Files.exists(path) && !Files.isSymbolicLink(path)) {
            throw new NotRunningException("chat-server is not running: no socket at " + path);
        }
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(path));
            return new AdminConnection(path, ch);
        } catch (IOException e) {
            closeQuietly(ch);
            String why = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (e instanceof AccessDeniedException || why.contains("permission denied")) {
                throw new NotRunningException("cannot use the admin socket " + path
                        + ": permission denied (run chat-admin as the user that runs chat-server)");
            }
            if (why.contains("refused")) {
                throw new NotRunningException("chat-server is not running: nothing answers on " + path
                        + " (a stale socket left by a daemon that died)");
            }
            throw new NotRunningException("cannot connect to the admin socket " + path + ": " + e.getMessage());
        }
    }

    Path path() {
        return path;
    }

    void send(String requestLine) throws NotRunningException {
        ByteBuffer b = ByteBuffer.wrap((requestLine + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** Sends one request and reads its whole reply. */
    AdminResponse call(String requestLine) throws NotRunningException {
        send(requestLine);
        return readReply();
    }

    /** Reads the status line and the body up to the empty line. */
    AdminResponse readReply() throws NotRunningException {
        String status = readLine();
        if (status == null) {
            throw new NotRunningException("chat-server closed the admin connection (" + path + ")");
        }
        List<String> body = new ArrayList<>();
        String l;
        while ((l = readLine()) != null && !l.isEmpty()) {
            body.add(l);
        }
        AdminResponse r = AdminResponse.parse(status, body);
        if (r.accessDenied()) {
            throw new NotRunningException("cannot use the admin socket " + path + ": " + r.message());
        }
        return r;
    }

    /** The next line without its LF (and CR), or null when the daemon closed the connection. */
    String readLine() throws NotRunningException {
        try {
            while (true) {
                while (in.hasRemaining()) {
                    byte b = in.get();
                    if (b == '\n') {
                        String s = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                    }
                    line.write(b);
                }
                in.clear();
                int n = channel.read(in);
                in.flip();
                if (n < 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            if (!channel.isOpen()) {
                return null;
            }
            throw lost(e);
        }
    }

    private NotRunningException lost(IOException e) {
        return new NotRunningException("lost the connection to chat-server (" + path + "): " + e.getMessage());
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }
}
