package org.chatroom.swing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.DisconnectCause;
import org.chatroom.client.ServerCertificate;

/**
 * The connection's states as the window shows them: the status bar, the banner, the lines in the
 * server tab, the reconnect countdown, and the outcome the login dialog waits for. Part of the
 * {@link ChatPresenter}, on the UI thread; the presenter keeps the connection itself ({@link Link}).
 */
final class ConnectionStatus {
    /** What this needs of the presenter's connection. */
    interface Link {
        ChatGateway gateway();

        /** Closes the current connection for good (a failed first attempt). */
        void drop();

        /** Opens a new connection, rejoining our rooms. */
        void reopen();

        boolean quitting();
    }

    private final ChatModel model;
    private final GatewayFactory factory;
    private final Supplier<Instant> clock;
    private final CertificatePrompt prompt;
    private final EventApplier applier;
    private final Link link;

    private CompletableFuture<String> firstConnect = new CompletableFuture<>();
    private boolean failFast;
    private boolean everConnected;
    private String nick = "";
    /** The nick the user asked for; when the server gave us a fallback, they are told once. */
    private String wantedNick = "";
    private boolean toldNickTaken;
    private Instant reconnectAt;
    private String reconnectReason;

    ConnectionStatus(ChatModel model, GatewayFactory factory, Supplier<Instant> clock, CertificatePrompt prompt,
                     EventApplier applier, Link link) {
        this.model = model;
        this.factory = factory;
        this.clock = clock;
        this.prompt = prompt;
        this.applier = applier;
        this.link = link;
    }

    /** A first connection as {@code asNick}; the future completes with our nick, or fails (see ChatPresenter#connect). */
    CompletableFuture<String> start(String asNick, boolean failFastNow) {
        nick = asNick;
        wantedNick = asNick;
        toldNickTaken = false;
        failFast = failFastNow;
        everConnected = false;
        firstConnect = new CompletableFuture<>();
        return firstConnect;
    }

    /** The user asked for a new connection: from now on, failures are retried. */
    void manual() {
        failFast = false;
    }

    /** A connection was opened or the user quit: no countdown runs. */
    void stopCountdown() {
        reconnectAt = null;
    }

    String nick() {
        return nick;
    }

    void on(ConnectionState s) {
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
        if (s.cause() == DisconnectCause.UNTRUSTED_CERTIFICATE && !link.quitting() && trustedNow(s, server)) {
            return;
        }
        String kick = applier.takeKickMessage();
        if (failFast && !everConnected && !link.quitting()) {
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
        ServerCertificate cert = link.gateway().rejectedCertificate().orElse(null);
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
        link.reopen();
        return true;
    }

    private void fail(ConnectionState s) {
        link.drop();
        String message = ConnectProblems.describe(factory.server(), s.reason(), s.cause());
        model.connection(nick, factory.server(), "disconnected (" + s.reason() + ")", null);
        firstConnect.completeExceptionally(new ChatPresenter.ConnectFailure(message));
    }

    /** Called every second by the view: refreshes the reconnect countdown. */
    void tick() {
        if (reconnectAt != null) {
            model.connection(nick, model.server(), reconnectingText(), model.banner());
        }
    }

    private String reconnectingText() {
        long ms = Math.max(0, Duration.between(clock.get(), reconnectAt).toMillis());
        return "reconnecting in " + (ms + 999) / 1000 + " s (" + reconnectReason + ")";
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
