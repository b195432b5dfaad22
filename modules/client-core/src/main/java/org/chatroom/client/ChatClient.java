package org.chatroom.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.protocol.Ctcp;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;

/**
 * A chat connection that survives: connects, registers, reports {@link ChatEvent}s, and after a lost
 * connection reconnects with backoff and rejoins its rooms, unless the user quit, was kicked or banned.
 *
 * <pre>{@code
 * ChatClient client = new ChatClient(ClientConfig.builder("localhost", 6667, "alice").build());
 * client.addListener(event -> ...);          // called one at a time, on the reader thread
 * client.connect().get(10, SECONDS);         // our nick, once registered and in the server's rooms
 * client.say("#lobby", "hello");
 * client.quit("bye").get(10, SECONDS);       // the final DISCONNECTED state
 * }</pre>
 *
 * <p>Every method is thread-safe. Sending methods return false when not connected. Text and actions
 * ({@link #say}, {@link #action}) typed while the client is reconnecting are kept instead (a
 * {@link ChatEvent.Pending} tells the listeners) and sent in order once it is back; they return true.
 */
public final class ChatClient implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final ClientConfig config;
    private final List<ChatListener> listeners = new CopyOnWriteArrayList<>();
    private final Object listenerLock = new Object();
    private final RoomMembers members = new RoomMembers();
    private final ConnectionSupervisor supervisor;
    private final Outbox outbox = new Outbox();

    private volatile String nick;
    /** The nick to register with: the configured one, or the last one the user changed to (not a fallback). */
    private volatile String desiredNick;
    private volatile String awayMessage;
    private volatile List<String> enabledCaps = List.of();

    public ChatClient(ClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.nick = config.nick();
        this.desiredNick = config.nick();
        this.supervisor = new ConnectionSupervisor(this, config);
    }

    public ClientConfig config() {
        return config;
    }

    public void addListener(ChatListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(ChatListener listener) {
        listeners.remove(listener);
    }

    /**
     * Starts connecting in the background. The future completes with our nick at the first CONNECTED
     * state (registered, and the server's own joins received), or fails with
     * {@link ChatConnectException} if the client stops for good first. Calling it again returns the same future.
     */
    public CompletableFuture<String> connect() {
        return supervisor.connect();
    }

    /** Completes with the final DISCONNECTED state, after which the client does nothing more. */
    public CompletableFuture<ConnectionState> terminated() {
        return supervisor.terminated();
    }

    /** True when registered and the connection is open. */
    public boolean isConnected() {
        return live() != null;
    }

    /** Our nick: the registered one, or the one we will register with. */
    public String nick() {
        return nick;
    }

    /** The rooms we are in now (empty while disconnected). */
    public List<String> rooms() {
        return members.roomNames();
    }

    /** The members of {@code room} as last known; empty if we are not in it. */
    public List<String> members(String room) {
        return members.members(room);
    }

    /**
     * The server certificate we did not trust, once the client stopped with
     * {@link DisconnectCause#UNTRUSTED_CERTIFICATE}: show its {@link ServerCertificate#sha256()} to the
     * user, and if they trust it, connect again with {@link TlsTrust#fingerprint(String)}.
     */
    public java.util.Optional<ServerCertificate> rejectedCertificate() {
        return java.util.Optional.ofNullable(supervisor.rejectedCertificate());
    }

    /** The IRCv3 capabilities the server enabled for this connection. */
    public List<String> enabledCapabilities() {
        return enabledCaps;
    }

    /** Sends a message to a room or a nick; long or multi-line text goes as several messages. */
    public boolean say(String target, String text) {
        return sendOrHold(target, text, false);
    }

    /** A {@code /me} action in a room or to a nick. */
    public boolean action(String target, String text) {
        return sendOrHold(target, text, true);
    }

    /** How many typed messages wait for the connection to come back. */
    public int pendingCount() {
        return outbox.size();
    }

    public boolean notice(String target, String text) {
        return sendText("NOTICE", target, text, false);
    }

    public boolean join(String room) {
        return send(IrcMessage.of("JOIN", word(room, "room")));
    }

    /** Leaves {@code room}; {@code reason} may be null or empty. */
    public boolean part(String room, String reason) {
        String r = word(room, "room");
        return send(reason == null || reason.isEmpty() ? IrcMessage.of("PART", r) : IrcMessage.of("PART", r, reason));
    }

    /** Asks for a new nick; {@link ChatEvent.NickChanged} or a {@link ChatEvent.ServerError} answers. */
    public boolean changeNick(String newNick) {
        return send(IrcMessage.of("NICK", word(newNick, "nick")));
    }

    /** Asks for the topic of {@code room}; a {@link ChatEvent.Topic} answers. */
    public boolean topic(String room) {
        return send(IrcMessage.of("TOPIC", word(room, "room")));
    }

    /** Sets the topic of {@code room}; an empty text clears it. */
    public boolean topic(String room, String text) {
        return send(IrcMessage.of("TOPIC", word(room, "room"), oneLine(text)));
    }

    /** Asks who is in {@code room}; a {@link ChatEvent.Names} answers. */
    public boolean names(String room) {
        return send(IrcMessage.of("NAMES", word(room, "room")));
    }

    /** Marks us away with {@code message}, or back when it is null or blank; kept across reconnects. */
    public boolean away(String message) {
        String m = message == null || message.isBlank() ? null : oneLine(message);
        awayMessage = m;
        return send(m == null ? IrcMessage.of("AWAY") : IrcMessage.of("AWAY", m));
    }

    public boolean isAway() {
        return awayMessage != null;
    }

    /** Sends any message as is, for commands this class has no method for. */
    public boolean send(IrcMessage message) {
        Session s = live();
        return s != null && s.sendIfRegistered(message);
    }

    /**
     * Leaves with a QUIT and stops for good: no reconnect follows. Waits for the server to close the
     * connection for at most the configured quit timeout. The future is {@link #terminated()}.
     */
    public CompletableFuture<ConnectionState> quit(String reason) {
        return supervisor.quit(reason == null ? "" : oneLine(reason));
    }

    /**
     * Closes the connection at once without QUIT and stops for good; waits briefly for the reader thread.
     * The final state is DISCONNECTED with cause CLOSED, unless the client had already stopped.
     */
    @Override
    public void close() {
        supervisor.close();
    }

    // --- called by Session, Registration and EventTranslator on the reader thread ---

    RoomMembers members() {
        return members;
    }

    boolean quitRequested() {
        return supervisor.quitRequested();
    }

    boolean closeRequested() {
        return supervisor.closeRequested();
    }

    String desiredNick() {
        return desiredNick;
    }

    void registeredAs(String registeredNick, List<String> caps) {
        nick = registeredNick;
        enabledCaps = List.copyOf(caps);
        supervisor.registered();
    }

    void nickChanged(String newNick) {
        nick = newNick;
        desiredNick = newNick;
    }

    void ready(Session s) {
        String away = awayMessage;
        if (away != null) {
            s.sendIfRegistered(IrcMessage.of("AWAY", away)); // the server forgot it with the old connection
        }
        if (supervisor.ready(s, nick)) {
            sendHeld();
        }
    }

    /** The client stopped for good: what was kept will never go. */
    void stoppedForGood() {
        outbox.clear();
    }

    void emit(ChatEvent event) {
        synchronized (listenerLock) {
            for (ChatListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("a chat listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        }
    }

    // --- helpers ---

    private Session live() {
        return supervisor.live();
    }

    private boolean sendOrHold(String target, String text, boolean action) {
        String to = word(target, "target");
        if (!supervisor.underway()) {
            return false;
        }
        boolean held;
        try {
            held = outbox.holdIfNeeded(new Outbox.Held(to, text, action), live() != null);
        } catch (IllegalStateException full) {
            return false;
        }
        if (!held) {
            return sendText("PRIVMSG", to, text, action);
        }
        emit(new ChatEvent.Pending(java.time.Instant.now(), to, nick, text, action));
        if (live() != null) {
            sendHeld(); // it came back while we queued: go now, behind the older ones
        }
        return true;
    }

    private void sendHeld() {
        for (Outbox.Held h = outbox.start(); h != null; h = outbox.next()) {
            sendText("PRIVMSG", h.target(), h.text(), h.action());
        }
    }

    private boolean sendText(String command, String target, String text, boolean action) {
        String to = word(target, "target");
        Session s = live();
        if (s == null) {
            return false;
        }
        int budget = MessageSplitter.budget(command, to) - (action ? 9 : 0);
        boolean echo = !enabledCaps.contains("echo-message") && "PRIVMSG".equals(command);
        boolean ok = true;
        for (String piece : MessageSplitter.split(text, budget)) {
            ok &= s.sendIfRegistered(IrcMessage.of(command, to, action ? Ctcp.action(piece) : piece));
            if (ok && echo) {
                emit(localEcho(to, piece, action));
            }
        }
        return ok;
    }

    private ChatEvent localEcho(String target, String text, boolean action) {
        java.time.Instant now = java.time.Instant.now();
        if (action) {
            return new ChatEvent.Action(now, target, nick, text, true);
        }
        return NameRules.isRoomName(target)
                ? new ChatEvent.RoomMessage(now, target, nick, text, true)
                : new ChatEvent.PrivateMessage(now, nick, target, text, true);
    }

    private static String word(String value, String what) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c == ' ' || c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException(what + " must be one word: '" + value + "'");
        }
        return value;
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\r\n\0]+", " ");
    }
}
