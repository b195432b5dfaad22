package org.chatroom.swing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.DisconnectCause;
import org.chatroom.client.ServerCertificate;

/**
 * The window's logic without the window: connects, applies events to the {@link ChatModel}, runs the
 * user's input, reconnects and quits. Lives on the UI thread; the connection's events are posted to
 * it through {@link UiThread#post}, and events of a connection that was replaced are dropped.
 */
final class ChatPresenter implements CommandHandler.Target {
    private static final ChatGateway OFFLINE = new OfflineGateway();

    private final ChatModel model;
    private final UiThread ui;
    private final GatewayFactory factory;
    private final Supplier<Instant> clock;
    private final CertificatePrompt prompt;
    private final EventApplier applier;
    private final CommandHandler commands = new CommandHandler(this);
    private final InputHistory history = new InputHistory(200);
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private ChatGateway gateway = OFFLINE;
    private CompletableFuture<String> firstConnect = new CompletableFuture<>();
    private boolean failFast;
    private boolean everConnected;
    private boolean quitting;
    private String nick = "";
    /** The nick the user asked for; when the server gave us a fallback, they are told once. */
    private String wantedNick = "";
    private boolean toldNickTaken;
    private Instant reconnectAt;
    private String reconnectReason;

    ChatPresenter(ChatModel model, UiThread ui, GatewayFactory factory, Supplier<Instant> clock) {
        this(model, ui, factory, clock, CertificatePrompt.REFUSE);
    }

    /** @param prompt asked whether to trust a certificate the connection refused */
    ChatPresenter(ChatModel model, UiThread ui, GatewayFactory factory, Supplier<Instant> clock,
                  CertificatePrompt prompt) {
        this.model = model;
        this.ui = ui;
        this.factory = factory;
        this.clock = clock;
        this.prompt = prompt;
        this.applier = new EventApplier(model);
    }

    ChatModel model() {
        return model;
    }

    InputHistory history() {
        return history;
    }

    /** Completes when the user has quit and the connection is closed: time to close the window. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    /**
     * Connects as {@code asNick}. With {@code failFast} (the login dialog) the first failure stops the
     * attempt and fails the returned future with a plain-words message; otherwise the client keeps
     * retrying and the banner shows why. The future completes with our nick once connected.
     */
    CompletableFuture<String> connect(String asNick, boolean failFast) {
        ui.check();
        this.nick = asNick;
        this.wantedNick = asNick;
        this.toldNickTaken = false;
        this.failFast = failFast;
        this.everConnected = false;
        this.firstConnect = new CompletableFuture<>();
        open(List.of());
        return firstConnect;
    }

    /** The Reconnect button: drops the current connection, if any, and starts a new one, rejoining our rooms. */
    void reconnect() {
        ui.check();
        if (quitting) {
            return;
        }
        failFast = false;
        open(rooms());
    }

    private List<String> rooms() {
        List<String> rooms = new ArrayList<>();
        for (Conversation c : model.conversations()) {
            if (c.type() == Conversation.Type.ROOM) {
                rooms.add(c.name());
            }
        }
        return rooms;
    }

    private void open(List<String> rooms) {
        ChatGateway old = gateway;
        gateway = OFFLINE;
        old.close();
        reconnectAt = null;
        ChatGateway[] self = new ChatGateway[1];
        self[0] = factory.open(nick, rooms, event -> ui.post(() -> {
            if (gateway == self[0]) {
                onEvent(event);
            }
        }));
        gateway = self[0];
    }

    /** Applies one event from the current connection; on the UI thread. */
    void onEvent(ChatEvent event) {
        ui.check();
        if (event instanceof ConnectionState s) {
            state(s);
        } else {
            applier.apply(event);
        }
    }

    private void state(ConnectionState s) {
        String server = factory.server();
        Conversation tab = model.serverTab();
        switch (s.status()) {
            case CONNECTING -> {
                reconnectAt = null;
                model.connection(nick, server, "connecting to " + server + "…", model.banner());
                if (s.attempt() == 0) {
                    info(tab, s.time(), "connecting to " + server + "…");
                }
            }
            case CONNECTED -> {
                everConnected = true;
                nick = s.nick();
                reconnectAt = null;
                model.connection(nick, server, "connected as " + nick + " to " + server, null);
                info(tab, s.time(), "connected to " + server + " as " + nick);
                if (!toldNickTaken && !wantedNick.isEmpty() && !wantedNick.equalsIgnoreCase(nick)) {
                    toldNickTaken = true; // the client fell back to nick_ on its own: say so, once
                    info(model.selected(), s.time(), wantedNick + " is taken; you are " + nick);
                }
                firstConnect.complete(nick);
            }
            case RECONNECTING -> {
                if (failFast && !everConnected) {
                    fail(s);
                    return;
                }
                reconnectAt = s.time().plus(s.delay());
                reconnectReason = s.reason();
                if (s.attempt() <= 1) { // one line per outage; the banner and status bar count down the rest
                    notice(s.time(), "connection lost: " + s.reason());
                }
                String what = everConnected ? "Lost the connection to " + server + " (" + s.reason() + ")."
                        : ConnectProblems.describe(server, s.reason(), null);
                model.connection(nick, server, reconnectingText(), new Banner(what + " Trying again automatically.", true));
            }
            case DISCONNECTED -> disconnected(s, server);
        }
    }

    private void disconnected(ConnectionState s, String server) {
        reconnectAt = null;
        if (s.cause() == DisconnectCause.UNTRUSTED_CERTIFICATE && !quitting && trustedNow(s, server)) {
            return;
        }
        String kick = applier.takeKickMessage();
        if (failFast && !everConnected && !quitting) {
            fail(s);
            return;
        }
        boolean byUser = s.cause() == DisconnectCause.USER_QUIT || s.cause() == DisconnectCause.CLOSED;
        Banner banner = byUser ? null
                : new Banner(kick != null ? kick + "." : ConnectProblems.describe(server, s.reason(), s.cause()), true);
        if (kick == null) {
            notice(s.time(), "disconnected: " + s.reason());
        }
        for (Conversation c : model.conversations()) {
            if (c.type() == Conversation.Type.ROOM && c.joined()) {
                c.joined(false);
                model.changed(c);
            }
        }
        model.connection(nick, server, "disconnected (" + s.reason() + ")", banner);
        firstConnect.completeExceptionally(new IllegalStateException(s.reason()));
    }

    /**
     * Shows the refused certificate and asks whether to trust it; if the user says yes, pins it and
     * connects again (keeping the login dialog's attempt going). Returns whether it did.
     */
    private boolean trustedNow(ConnectionState s, String server) {
        ServerCertificate cert = gateway.rejectedCertificate().orElse(null);
        if (cert == null) {
            return false;
        }
        info(model.serverTab(), s.time(), "the certificate of " + server + " is not trusted: " + cert.subject()
                + (cert.selfSigned() ? ", self-signed" : ", issued by " + cert.issuer()) + ", SHA-256 " + cert.sha256());
        if (!prompt.trust(server, cert)) {
            return false;
        }
        info(model.serverTab(), clock.get(), "trusting the certificate with SHA-256 " + cert.sha256() + " for " + server);
        factory.trust(cert.sha256());
        open(rooms());
        return true;
    }

    private void fail(ConnectionState s) {
        ChatGateway g = gateway;
        gateway = OFFLINE;
        g.close();
        String message = ConnectProblems.describe(factory.server(), s.reason(), s.cause());
        model.connection(nick, factory.server(), "disconnected (" + s.reason() + ")", null);
        firstConnect.completeExceptionally(new ConnectFailure(message));
    }

    /** A failed first connection, with the message for the login dialog. */
    static final class ConnectFailure extends RuntimeException {
        ConnectFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Called every second by the view: refreshes the reconnect countdown. */
    void tick() {
        ui.check();
        if (reconnectAt != null) {
            model.connection(nick, model.server(), reconnectingText(), model.banner());
        }
    }

    private String reconnectingText() {
        long ms = Math.max(0, Duration.between(clock.get(), reconnectAt).toMillis());
        return "reconnecting in " + (ms + 999) / 1000 + " s (" + reconnectReason + ")";
    }

    /** The user pressed Enter: remember the line and run it. */
    void submit(String line) {
        ui.check();
        if (line.isBlank()) {
            return;
        }
        history.add(line);
        commands.handle(line);
    }

    void select(Conversation c) {
        ui.check();
        model.select(c);
    }

    /** The tab's close button or /close: leaves a room, forgets a private conversation. */
    @Override
    public void closeTab(Conversation c, String reason) {
        ui.check();
        if (c == null || c.type() == Conversation.Type.SERVER) {
            feedback("the server tab stays open; /quit to leave");
        } else if (c.type() == Conversation.Type.ROOM && c.joined() && gateway.part(c.name(), reason)) {
            return; // the PART event removes the tab
        } else {
            model.remove(c);
        }
    }

    /** Sends QUIT (if connected) and completes {@link #finished()} when the connection is closed. */
    @Override
    public void quit(String reason) {
        ui.check();
        if (quitting) {
            return;
        }
        quitting = true;
        reconnectAt = null;
        ChatGateway g = gateway;
        g.quit(reason == null || reason.isEmpty() ? "leaving" : reason)
                .whenComplete((r, e) -> ui.post(() -> {
                    gateway = OFFLINE;
                    finished.complete(null);
                }));
    }

    @Override
    public ChatGateway gateway() {
        return gateway;
    }

    @Override
    public Conversation selected() {
        return model.selected();
    }

    @Override
    public void feedback(String text) {
        model.add(model.selected(), new ChatLine(clock.get(), LineKind.INFO, null, text), true, false);
    }

    @Override
    public void openPrivate(String peer, boolean select) {
        Conversation c = model.open(Conversation.Type.PRIVATE, peer);
        if (select) {
            model.select(c);
        }
    }

    @Override
    public boolean selectRoom(String room) {
        Conversation c = model.find(room);
        if (c == null || !c.joined()) {
            return false;
        }
        model.select(c);
        return true;
    }

    @Override
    public void expectReply(String kind, String room) {
        applier.expect(kind, room);
    }

    private void info(Conversation c, Instant time, String text) {
        model.add(c, new ChatLine(time, LineKind.INFO, null, text), true, false);
    }

    /** A connection notice in the server tab and, if another tab is showing, there too. */
    private void notice(Instant time, String text) {
        ChatLine line = new ChatLine(time, LineKind.ERROR, null, text);
        model.add(model.serverTab(), line, true, false);
        if (model.selected() != model.serverTab()) {
            model.add(model.selected(), line, true, false);
        }
    }
}
