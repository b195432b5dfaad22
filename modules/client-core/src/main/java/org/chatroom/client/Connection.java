package org.chatroom.client;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.chatroom.protocol.IrcMessage;

/**
 * One TCP (optionally TLS) connection: line input for the reader thread, synchronized line output for
 * everyone else. {@link #close()} may be called from any thread, also while {@link #open()} blocks.
 */
final class Connection implements Closeable {
    /** IRCv3 allows 8191 bytes of tags plus 512 for the rest. */
    static final int MAX_LINE_BYTES = 8191 + 512;

    private final ClientConfig config;
    private final Socket plain;
    private volatile Socket socket;
    private volatile boolean closed;
    private IrcLineInput input;
    private OutputStream output;

    Connection(ClientConfig config) throws IOException {
        this.config = config;
        this.plain = config.socketFactory().createSocket();
        this.socket = plain;
    }

    /**
     * Connects, and for TLS shakes hands. With the JDK's default trust the host name is verified too;
     * a custom {@link ClientConfig#sslSocketFactory()} decides trust itself (e.g. a pinned fingerprint).
     * Blocks up to the connect timeout.
     */
    void open() throws IOException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
        plain.connect(new InetSocketAddress(config.host(), config.port()), timeout);
        plain.setTcpNoDelay(true);
        plain.setKeepAlive(true);
        Socket s = plain;
        if (config.tls()) {
            SSLSocketFactory custom = config.sslSocketFactory();
            SSLSocketFactory factory = custom != null ? custom : (SSLSocketFactory) SSLSocketFactory.getDefault();
            SSLSocket ssl = (SSLSocket) factory.createSocket(plain, config.host(), config.port(), true);
            if (custom == null) {
                // the JDK's trust store: the certificate must also name the host we asked for
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
            }
            ssl.setSoTimeout(timeout);
            socket = ssl;
            if (closed) {
                throw new IOException("closed");
            }
            ssl.startHandshake();
            s = ssl;
        }
        s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.keepAlive().toMillis()));
        input = new IrcLineInput(new BufferedInputStream(s.getInputStream()), MAX_LINE_BYTES);
        synchronized (this) {
            output = s.getOutputStream();
        }
    }

    /**
     * The next line, or null at end of stream. Throws {@link SocketTimeoutException} after the
     * keep-alive time without data (the connection is still usable).
     */
    String readLine() throws IOException {
        return input.readLine();
    }

    /** Writes one message; false if the connection is not open or the write failed. */
    synchronized boolean send(IrcMessage message) {
        if (output == null || closed) {
            return false;
        }
        try {
            output.write((message.toLine() + "\r\n").getBytes(StandardCharsets.UTF_8));
            output.flush();
            return true;
        } catch (IOException e) {
            close();
            return false;
        }
    }

    boolean isOpen() {
        return !closed && output != null;
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing to do
        }
        try {
            plain.close();
        } catch (IOException ignored) {
            // closing: nothing to do
        }
    }
}
