package org.chatroom.client;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;
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
     * Connects, and for TLS shakes hands. Without a {@link ClientConfig#sslSocketFactory()}, trust is
     * {@link TlsTrust#jdkDefault()}: the JDK trust store, and the certificate must name the host; a
     * custom factory decides trust itself ({@link TlsTrust} makes them).
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
            SSLSocketFactory factory = custom != null ? custom : TlsTrust.jdkDefault().sslSocketFactory();
            SSLSocket ssl = (SSLSocket) factory.createSocket(plain, config.host(), config.port(), true);
            ssl.setSoTimeout(timeout);
            socket = ssl;
            if (closed) {
                throw new IOException("closed");
            }
            handshake(ssl, timeout);
            s = ssl;
        }
        s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.keepAlive().toMillis()));
        input = new IrcLineInput(new BufferedInputStream(s.getInputStream()), MAX_LINE_BYTES);
        synchronized (this) {
            output = s.getOutputStream();
        }
    }

    /** Shakes hands, and says in plain words what a failure most likely means. */
    private void handshake(SSLSocket ssl, int timeout) throws IOException {
        try {
            ssl.startHandshake();
        } catch (SocketTimeoutException e) {
            String seconds = timeout % 1000 == 0 ? String.valueOf(timeout / 1000) : String.valueOf(timeout / 1000.0);
            throw new SocketTimeoutException("no TLS handshake from the server within " + seconds
                    + " s: is " + config.port() + " a plain-text port?");
        } catch (SSLException e) {
            if (closed || UntrustedCertificateException.find(e) != null) {
                throw e;
            }
            String m = String.valueOf(e.getMessage());
            if (m.contains("plaintext") || m.contains("nrecognized") || m.contains("Unsupported")) {
                throw new SSLException("the server did not answer in TLS: is " + config.port()
                        + " a plain-text port?", e);
            }
            if (m.contains("terminated the handshake") || e.getCause() instanceof java.io.EOFException) {
                throw new SSLException("the server closed the connection during the TLS handshake: is "
                        + config.port() + " a TLS port?", e);
            }
            throw new SSLException("the TLS handshake failed: " + m, e);
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
