package org.chatroom.bench.load;

import java.util.Locale;

/** How the simulated users reach the server: plain IRC over TCP, or IRCv3 WebSocket. */
public enum Transport {
    /** One CRLF-ended IRC line after another on a TCP socket. */
    TCP("tcp", 6667),
    /**
     * RFC 6455 WebSocket with subprotocol {@code text.ircv3.net}: an HTTP upgrade, then one IRC line
     * per text frame, without CRLF; frames from the client are masked.
     */
    WS("ws", 8080);

    /** The IRCv3 WebSocket subprotocol chat-bench asks for: one UTF-8 IRC line per text frame. */
    public static final String WS_SUBPROTOCOL = "text.ircv3.net";

    private final String label;
    private final int defaultPort;

    Transport(String label, int defaultPort) {
        this.label = label;
        this.defaultPort = defaultPort;
    }

    /** Parses tcp or ws (any case); null when unknown. */
    public static Transport byLabel(String text) {
        for (Transport t : values()) {
            if (t.label.equals(text.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }

    /** The name on the command line and in the JSON result. */
    public String label() {
        return label;
    }

    /** The port a Chatroom daemon listens on for this transport by default. */
    public int defaultPort() {
        return defaultPort;
    }
}
