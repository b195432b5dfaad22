package org.chatroom.client;

import static org.chatroom.client.TextSender.oneLine;
import static org.chatroom.client.TextSender.word;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.protocol.IrcMessage;

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
    private final ClientConfig config;
    private final ChatListeners listeners = new ChatListeners();
    private final RoomMembers members = new RoomMembers();
    private final ConnectionSupervisor supervisor;
    private final TextSender text;
    private final HistoryTracker history = new HistoryTracker(name -> members.caseMapping().fold(name));

    private volatile String nick;
    /** The nick to register with: the configured one, or the last one the user changed to (not a fallback). */
    private volatile String desiredNick;
    private volatile String awayMessage;
    private volatile List<String> enabledCaps = List.of();
    /** The account to log in to; after this client created it, the same without creating it again. */
    private volatile Credentials credentials;
    private volatile boolean everReady;

    public ChatClient(ClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.nick = config.nick();
        this.desiredNick = config.nick();
        this.supervisor = new ConnectionSupervisor(this, config);
        this.text = new TextSender(this, supervisor);
        this.credentials = config.credentials();
    }

    public ClientConfig config() {
        return config;
    }

    public void addListener(ChatListener listener) {
        listeners.add(listener);
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
        return this.text.sendOrHold(target, text, false);
    }

    /** A {@code /me} action in a room or to a nick. */
    public boolean action(String target, String text) {
        return this.text.sendOrHold(target, text, true);
    }

    /** How many typed messages wait for the connection to come back. */
    public int pendingCount() {
        return text.pendingCount();
    }

    public boolean notice(String target, String text) {
        return this.text.sendText("NOTICE", target, text, false);
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

    /**
     * Asks the server for up to {@code lines} lines of {@code target} older than the oldest one seen
     * (the latest ones if none was seen); a {@link ChatEvent.History} of kind OLDER answers, empty when
     * there is nothing older. False if not connected or the server keeps no history.
     */
    public boolean history(String target, int lines) {
        Session s = live();
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be at least 1: " + lines);
        }
        return s != null && s.history().enabled()
                && s.history().request(word(target, "target"), ChatEvent.HistoryKind.OLDER, lines, 0);
    }

    /** True when the server keeps history for us to ask for ({@code draft/chathistory}). */
    public boolean hasHistory() {
        return enabledCaps.contains(HistoryReceiver.CAP);
    }

    /**
     * Tells the server the user has read {@code target} up to {@code time} (IRCv3 draft/read-marker),
     * for the account's other connections; false if not connected or the server keeps no markers.
     */
    public boolean markRead(String target, java.time.Instant time) {
        Session s = live();
        return s != null && s.history().markRead(word(target, "target"), time);
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

    HistoryTracker history() {
        return history;
    }

    Credentials credentials() {
        return credentials;
    }

    /** This client created its account: reconnects log in to it without creating it again. */
    void accountCreated() {
        Credentials c = credentials;
        if (c != null) {
            credentials = c.existing();
        }
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
            text.sendHeld();
            if (everReady) {
                s.history().reconnected();
            }
            everReady = true;
        }
    }

    /** The client stopped for good: what was kept will never go. */
    void stoppedForGood() {
        text.clear();
    }

    void emit(ChatEvent event) {
        listeners.emit(event);
    }

    // --- helpers ---

    private Session live() {
        return supervisor.live();
    }
}
