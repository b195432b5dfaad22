package org.chatroom.swing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatEvent.ConnectionState;

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

    private final ConnectionStatus status;
    private final HistoryView historyView;

    private ChatGateway gateway = OFFLINE;
    private boolean quitting;

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
        this.status = new ConnectionStatus(model, factory, clock, prompt, applier, new ConnectionStatus.Link() {
            @Override
            public ChatGateway gateway() {
                return gateway;
            }

            @Override
            public void drop() {
                ChatGateway g = gateway;
                gateway = OFFLINE;
                g.close();
            }

            @Override
            public void reopen() {
                open(rooms());
            }

            @Override
            public boolean quitting() {
                return quitting;
            }
        });
        this.historyView = new HistoryView(model, () -> gateway);
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
        CompletableFuture<String> first = status.start(asNick, failFast);
        open(List.of());
        return first;
    }

    /** The Reconnect button: drops the current connection, if any, and starts a new one, rejoining our rooms. */
    void reconnect() {
        ui.check();
        if (quitting) {
            return;
        }
        status.manual();
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
        status.stopCountdown();
        ChatGateway[] self = new ChatGateway[1];
        self[0] = factory.open(status.nick(), rooms, event -> ui.post(() -> {
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
            status.on(s);
        } else if (!historyView.apply(event)) {
            applier.apply(event);
        }
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
        status.tick();
    }

    /** The user scrolled to the top of {@code c}: ask for the page before its oldest line. */
    void scrolledToTop(Conversation c) {
        ui.check();
        historyView.loadOlder(c);
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
        historyView.viewed(c);
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
        status.stopCountdown();
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
}
