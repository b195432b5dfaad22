package org.chatroom.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * How a {@link ChatClient} connects. Build with {@link #builder(String, int, String)}.
 *
 * @param host             server host name or address
 * @param port             server port
 * @param nick             the nick to register; {@code nick_} and {@code nick__} are tried if taken
 * @param user             the USER (ident) name
 * @param realName         the real-name field of USER
 * @param tls              wrap the connection in TLS
 * @param socketFactory    makes the plain TCP socket (the seam for tests and proxies)
 * @param sslSocketFactory layers TLS over that socket when {@code tls}; null means the JDK default trust
 *                         store plus host name verification ({@link TlsTrust#jdkDefault()}); a custom one
 *                         decides trust on its own: {@link Builder#trust(TlsTrust)} sets one
 * @param reconnect        reconnect after a lost connection or a failed attempt
 * @param reconnectPolicy  the backoff between attempts
 * @param connectTimeout   bound on the TCP connect (and TLS handshake)
 * @param keepAlive        after this long without a line from the server, send PING; after twice, give up
 * @param quitTimeout      after QUIT, how long to wait for the server to close before closing ourselves
 * @param rooms            rooms to join once connected, besides any the server puts us in
 * @param credentials      the account to log in to while registering (SASL PLAIN); null for none
 * @param historyLines     how many lines of history to ask for on joining a room and per page
 */
public record ClientConfig(String host, int port, String nick, String user, String realName, boolean tls,
                           SocketFactory socketFactory, SSLSocketFactory sslSocketFactory, boolean reconnect,
                           ReconnectPolicy reconnectPolicy, Duration connectTimeout, Duration keepAlive,
                           Duration quitTimeout, List<String> rooms, Credentials credentials, int historyLines) {

    public ClientConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(socketFactory, "socketFactory");
        Objects.requireNonNull(reconnectPolicy, "reconnectPolicy");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (1-65535)");
        }
        if (nick.isEmpty() || nick.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("nick must be one word: '" + nick + "'");
        }
        user = user == null || user.isBlank() ? "chat" : user;
        realName = realName == null || realName.isBlank() ? nick : realName;
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
        if (historyLines < 0 || historyLines > 1000) {
            throw new IllegalArgumentException("historyLines " + historyLines + " is out of range (0-1000)");
        }
    }

    /** Without the password: a config may end up in a log or a test report. */
    @Override
    public String toString() {
        return "ClientConfig[" + server() + ", nick=" + nick + ", tls=" + tls + ", rooms=" + rooms
                + (credentials == null ? "" : ", " + credentials) + "]";
    }

    /** host:port, for messages. */
    public String server() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    public static Builder builder(String host, int port, String nick) {
        return new Builder(host, port, nick);
    }

    public Builder toBuilder() {
        Builder b = new Builder(host, port, nick);
        b.user = user;
        b.realName = realName;
        b.tls = tls;
        b.socketFactory = socketFactory;
        b.sslSocketFactory = sslSocketFactory;
        b.reconnect = reconnect;
        b.reconnectPolicy = reconnectPolicy;
        b.connectTimeout = connectTimeout;
        b.keepAlive = keepAlive;
        b.quitTimeout = quitTimeout;
        b.rooms = rooms;
        b.credentials = credentials;
        b.historyLines = historyLines;
        return b;
    }

    /** Defaults: no TLS, reconnect on with {@link ReconnectPolicy#DEFAULT}, 10 s connect, 90 s keep-alive, 5 s quit. */
    public static final class Builder {
        private final String host;
        private final int port;
        private final String nick;
        private String user = "chat";
        private String realName;
        private boolean tls;
        private SocketFactory socketFactory = SocketFactory.getDefault();
        private SSLSocketFactory sslSocketFactory;
        private boolean reconnect = true;
        private ReconnectPolicy reconnectPolicy = ReconnectPolicy.DEFAULT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration keepAlive = Duration.ofSeconds(90);
        private Duration quitTimeout = Duration.ofSeconds(5);
        private List<String> rooms = List.of();
        private Credentials credentials;
        private int historyLines = 50;

        private Builder(String host, int port, String nick) {
            this.host = host;
            this.port = port;
            this.nick = nick;
        }

        public Builder user(String value) {
            this.user = value;
            return this;
        }

        public Builder realName(String value) {
            this.realName = value;
            return this;
        }

        public Builder tls(boolean value) {
            this.tls = value;
            return this;
        }

        public Builder socketFactory(SocketFactory value) {
            this.socketFactory = value;
            return this;
        }

        /**
         * Which server certificates to accept when {@link #tls(boolean) tls} is on: sets the
         * {@link #sslSocketFactory(SSLSocketFactory)} to {@code trust}'s. Without either, the JDK trust store.
         */
        public Builder trust(TlsTrust trust) {
            this.sslSocketFactory = trust.sslSocketFactory();
            return this;
        }

        public Builder sslSocketFactory(SSLSocketFactory value) {
            this.sslSocketFactory = value;
            return this;
        }

        public Builder reconnect(boolean value) {
            this.reconnect = value;
            return this;
        }

        public Builder reconnectPolicy(ReconnectPolicy value) {
            this.reconnectPolicy = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder keepAlive(Duration value) {
            this.keepAlive = value;
            return this;
        }

        public Builder quitTimeout(Duration value) {
            this.quitTimeout = value;
            return this;
        }

        public Builder rooms(List<String> value) {
            this.rooms = value;
            return this;
        }

        /** Log in to this account while registering; null (the default) for none. */
        public Builder credentials(Credentials value) {
            this.credentials = value;
            return this;
        }

        /** Lines of history asked for on joining a room and per page (default 50; 0: none on join). */
        public Builder historyLines(int value) {
            this.historyLines = value;
            return this;
        }

        public ClientConfig build() {
            return new ClientConfig(host, port, nick, user, realName, tls, socketFactory, sslSocketFactory, reconnect,
                    reconnectPolicy, connectTimeout, keepAlive, quitTimeout, rooms, credentials, historyLines);
        }
    }
}
