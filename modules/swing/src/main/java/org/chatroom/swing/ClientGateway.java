package org.chatroom.swing;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.chatroom.client.ChatClient;
import org.chatroom.client.ServerCertificate;

/**
 * A {@link ChatClient} behind the {@link ChatGateway} interface. Socket writes happen on a private
 * sender thread, so a slow or stalled server cannot freeze the window; whether we are connected is
 * checked at once so the user still learns that a message was not sent.
 */
final class ClientGateway implements ChatGateway {
    private final ChatClient client;
    private final ExecutorService sender;

    ClientGateway(ChatClient client) {
        this.client = client;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chat-gui-sender");
            t.setDaemon(true);
            return t;
        });
    }

    ChatClient client() {
        return client;
    }

    /** Starts connecting on the sender thread. */
    void connect() {
        run(client::connect);
    }

    private boolean sendLater(BooleanSupplier send) {
        if (!client.isConnected()) {
            return false;
        }
        return run(send::getAsBoolean);
    }

    private boolean run(Runnable task) {
        try {
            sender.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public boolean say(String target, String text) {
        return sendLater(() -> client.say(target, text));
    }

    @Override
    public boolean action(String target, String text) {
        return sendLater(() -> client.action(target, text));
    }

    @Override
    public boolean join(String room) {
        return sendLater(() -> client.join(room));
    }

    @Override
    public boolean part(String room, String reason) {
        return sendLater(() -> client.part(room, reason));
    }

    @Override
    public boolean names(String room) {
        return sendLater(() -> client.names(room));
    }

    @Override
    public boolean askTopic(String room) {
        return sendLater(() -> client.topic(room));
    }

    @Override
    public boolean setTopic(String room, String text) {
        return sendLater(() -> client.topic(room, text));
    }

    @Override
    public boolean changeNick(String nick) {
        return sendLater(() -> client.changeNick(nick));
    }

    @Override
    public boolean away(String message) {
        return sendLater(() -> client.away(message));
    }

    @Override
    public boolean history(String target, int lines) {
        return client.hasHistory() && sendLater(() -> client.history(target, lines));
    }

    @Override
    public boolean markRead(String target, java.time.Instant time) {
        return sendLater(() -> client.markRead(target, time));
    }

    @Override
    public CompletableFuture<?> quit(String reason) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        boolean queued = run(() -> client.quit(reason).whenComplete((state, e) -> {
            done.complete(state);
            sender.shutdown();
        }));
        if (!queued) {
            done.complete(null);
        }
        return done;
    }

    @Override
    public void close() {
        if (!run(() -> {
            client.close();
            sender.shutdown();
        })) {
            client.close();
        }
    }

    @Override
    public Optional<ServerCertificate> rejectedCertificate() {
        return client.rejectedCertificate();
    }
}
