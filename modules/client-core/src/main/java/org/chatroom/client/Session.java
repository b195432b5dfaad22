package org.chatroom.client;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.IrcParseException;

/**
 * One connection attempt, run on its own reader thread: connect, register (CAP, NICK with fallbacks,
 * USER), then read lines until the connection ends, handing each to {@link EventTranslator}.
 * {@link #run()} returns why it ended; {@link ChatClient} decides what follows.
 */
final class Session {
    private static final Logger LOG = LogManager.getLogger();
    private static final Pattern BANNED = Pattern.compile("(?i)\\b(banned|k-lined|g-lined)\\b");
    private static final Pattern KICKED = Pattern.compile("(?i)[(\\[](kicked|killed)\\b");
    static final int MAX_NICK_FALLBACKS = 2;

    private final ChatClient client;
    private final ClientConfig config;
    private final Connection connection;
    private final Registration registration;
    private final EventTranslator translator;
    private final HistoryReceiver history;

    /** Set by the reader thread, read at the end of {@link #run()}. */
    private String errorText;
    private boolean banned;
    private String selfKickReason;
    private String registrationProblem;
    private DisconnectCause problemCause;
    private volatile boolean registered;
    private int linesRead;

    Session(ChatClient client, ClientConfig config, String nick, Set<String> rejoin) throws IOException {
        this.client = client;
        this.config = config;
        this.connection = new Connection(config);
        this.history = new HistoryReceiver(client, this);
        this.registration = new Registration(this, nick, rejoin);
        this.translator = new EventTranslator(client, this);
    }

    /** How a session ended. {@code cause} is set when reconnecting would be wrong. */
    record End(boolean connected, boolean registered, String reason, DisconnectCause cause, ServerCertificate certificate) {
        End(boolean connected, boolean registered, String reason, DisconnectCause cause) {
            this(connected, registered, reason, cause, null);
        }
    }

    End run() {
        try {
            connection.open();
        } catch (IOException e) {
            connection.close();
            UntrustedCertificateException untrusted = UntrustedCertificateException.find(e);
            if (untrusted != null && !client.closeRequested()) {
                return new End(false, false, "cannot connect to " + config.server() + ": " + untrusted.getMessage(),
                        DisconnectCause.UNTRUSTED_CERTIFICATE, untrusted.certificate());
            }
            String why = e instanceof java.net.UnknownHostException ? unknownHost(config.host()) : describe(e);
            return new End(false, false, "cannot connect to " + config.server() + ": " + why, null);
        }
        LOG.debug("connected to {}", config.server());
        String ioProblem = null;
        boolean pingSent = false;
        registration.start();
        try {
            while (true) {
                String line;
                try {
                    line = connection.readLine();
                } catch (SocketTimeoutException e) {
                    if (pingSent) {
                        ioProblem = "no reply from the server for " + (2 * config.keepAlive().toSeconds()) + " s";
                        break;
                    }
                    pingSent = connection.send(IrcMessage.of("PING", "keepalive"));
                    continue;
                }
                if (line == null) {
                    break;
                }
                pingSent = false;
                linesRead++;
                handleLine(line);
            }
        } catch (IOException e) {
            ioProblem = describe(e);
        } finally {
            connection.close();
        }
        return new End(true, registered, reason(ioProblem), cause());
    }

    private void handleLine(String line) {
        IrcMessage msg;
        try {
            msg = IrcMessage.parse(line);
        } catch (IrcParseException e) {
            LOG.warn("ignoring a line the server sent that does not parse: {}", e.getMessage());
            return;
        }
        String cmd = msg.command();
        if (!"KICK".equals(cmd) && !"ERROR".equals(cmd)) {
            selfKickReason = null; // a kick only ends the connection if the close follows it at once
        }
        if ("ERROR".equals(cmd)) {
            errorText = msg.last() == null ? "" : msg.last();
        } else if ("465".equals(cmd)) {
            banned = true;
        }
        if (!registration.handle(msg) && !history.handle(msg)) {
            translator.handle(msg);
        }
        if ("ERROR".equals(cmd)) {
            connection.close(); // ERROR always ends the link; don't wait for a server that lingers
        }
    }

    private String reason(String ioProblem) {
        if (client.closeRequested() && !client.quitRequested()) {
            return "closed";
        }
        if (registrationProblem != null) {
            return registrationProblem;
        }
        if (errorText != null && !errorText.isEmpty()) {
            return errorText;
        }
        if (selfKickReason != null) {
            return "kicked: " + selfKickReason;
        }
        if (client.quitRequested()) {
            return "quit";
        }
        if (linesRead == 0 && !config.tls()) {
            // a TLS listener drops a client that speaks plain text without a word
            return "the server closed the connection without answering"
                    + (ioProblem != null ? " (" + ioProblem + ")" : "") + ": is " + config.port() + " a TLS port?";
        }
        return ioProblem != null ? "connection to " + config.server() + " lost: " + ioProblem
                : "the server closed the connection";
    }

    private DisconnectCause cause() {
        if (client.quitRequested()) {
            return DisconnectCause.USER_QUIT;
        }
        if (client.closeRequested()) {
            return DisconnectCause.CLOSED;
        }
        if (banned || errorText != null && BANNED.matcher(errorText).find()) {
            return DisconnectCause.BANNED;
        }
        if (selfKickReason != null || errorText != null && KICKED.matcher(errorText).find()) {
            return DisconnectCause.KICKED;
        }
        if (registrationProblem != null) {
            return problemCause;
        }
        return null;
    }

    /** The JDK says only the name; say what it means and what to check, as the login dialog does. */
    static String unknownHost(String host) {
        return "unknown host \"" + host + "\"; check the spelling of the server name";
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    // --- used by Registration and EventTranslator on the reader thread ---

    ChatClient client() {
        return client;
    }

    ClientConfig config() {
        return config;
    }

    boolean send(IrcMessage message) {
        return connection.send(message);
    }

    void selfKicked(String reason) {
        selfKickReason = reason;
    }

    /** Registration failed for good: remember why, say goodbye, and end. */
    void giveUpNick(String problem) {
        giveUp(problem, DisconnectCause.NICK_UNAVAILABLE);
    }

    /** Registration failed for good ({@code cause} says how): remember why, say goodbye, and end. */
    void giveUp(String problem, DisconnectCause cause) {
        registrationProblem = problem;
        problemCause = cause;
        connection.send(IrcMessage.of("QUIT", cause == DisconnectCause.LOGIN_FAILED ? "login failed" : "nick unavailable"));
        connection.close();
    }

    HistoryReceiver history() {
        return history;
    }

    void registered() {
        registered = true;
    }

    // --- used by ChatClient from any thread ---

    boolean isRegistered() {
        return registered && connection.isOpen();
    }

    /** Sends if registered; user commands before registration would confuse the server. */
    boolean sendIfRegistered(IrcMessage message) {
        return registered && connection.send(message);
    }

    boolean sendAnyway(IrcMessage message) {
        return connection.send(message);
    }

    void close() {
        connection.close();
    }
}
