package org.chatroom.server.command;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.core.Outbound;
import org.chatroom.server.state.Client;

/**
 * Runs one session's lines in the order they were read: holds them while a password is checked or
 * other work ({@link Session#await}: hashing, database reads) runs off the lane, answers lines that are not UTF-8, and wraps a labeled command (IRCv3 labeled-response)
 * so that the client's output while it runs is collected and sent as one labeled whole. Lane only.
 */
final class CommandRunner {
    private static final Logger LOG = LogManager.getLogger();

    private final ChatSession session;
    private final CommandDispatcher dispatcher;
    private final Outbound out;
    private final Client client;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>(); // lines read during a password check
    private boolean checkingPassword;
    private final ArrayDeque<Runnable> laterWaits = new ArrayDeque<>(); // awaits begun while one ran: one at a time
    private LabeledResponse awaitingPassword; // the labeled command whose password check is running
    private LabeledResponse open; // a response still taking the sender's in-order lines, or null
    private long batches;

    CommandRunner(ChatSession session, CommandDispatcher dispatcher, Outbound out) {
        this.session = session;
        this.dispatcher = dispatcher;
        this.out = out;
        this.client = session.client();
    }

    void receive(IrcMessage m) {
        if (checkingPassword || open != null) {
            waiting.add(() -> receive(m)); // read while a check or a response is pending: handled after it, in order
            return;
        }
        session.context().stats().messageIn();
        labeled(m, () -> dispatcher.dispatch(session, m));
    }

    /**
     * A line that is not valid UTF-8; {@code replaced} is it decoded with U+FFFD for each bad
     * sequence, or null when even that does not parse. A username and real name before
     * registration are taken with the bytes replaced (and a WARN); anything else gets FAIL
     * INVALID_UTF8 (UTF8ONLY). The connection stays either way.
     */
    void invalidUtf8(IrcMessage replaced) {
        if (checkingPassword || open != null) {
            waiting.add(() -> invalidUtf8(replaced)); // a USER after PASS waits for the check, as usual
            return;
        }
        String command = replaced == null || !replaced.command().matches("[A-Z]+|\\d{3}") ? "*" : replaced.command();
        if (replaced == null) {
            StandardReplies.fail(session, command, "INVALID_UTF8", StandardReplies.UTF8_REJECTED);
            return;
        }
        labeled(replaced, () -> {
            if (!client.registered() && command.equals("USER")) {
                StandardReplies.warn(session, command, "INVALID_UTF8", StandardReplies.UTF8_REPLACED);
                dispatcher.dispatch(session, replaced);
            } else {
                StandardReplies.fail(session, command, "INVALID_UTF8", StandardReplies.UTF8_REJECTED);
            }
        });
    }

    private void labeled(IrcMessage m, Runnable command) {
        String label = LabeledResponse.labelOf(m, client);
        if (label == null) {
            command.run();
            return;
        }
        LabeledResponse response = new LabeledResponse(out, session.serverName(), label, "L" + (++batches));
        runDiverted(response, command);
        if (checkingPassword) {
            client.undivert();
            awaitingPassword = response; // the reply comes with the outcome of the check
        } else {
            keepOpen(response);
        }
    }

    private void runDiverted(LabeledResponse response, Runnable command) {
        client.divert(response);
        try {
            command.run();
        } catch (RuntimeException | Error e) {
            client.undivert();
            throw e;
        }
    }

    /**
     * The command queued its in-order lines (MODE, TOPIC) on this lane already: a task queued now
     * runs after them and ends the response. Lines the user sends meanwhile wait for it, so a
     * pipelined command's response never takes the previous one's lines.
     */
    private void keepOpen(LabeledResponse response) {
        if (session.ended()) {
            client.undivert();
            response.finish();
            return;
        }
        response.openWindow(client.prefix());
        open = response;
        out.lane().execute(() -> {
            if (open == response) {
                closeWindow();
                runWaiting();
            }
        });
    }

    private void closeWindow() {
        LabeledResponse response = open;
        if (response != null) {
            open = null;
            client.undivert();
            response.finish();
        }
    }

    /** See {@link Session#verifyPassword}. */
    void verifyPassword(PasswordHash hash, String candidate, Consumer<Boolean> then) {
        checkingPassword = true;
        out.pauseReading();
        boolean queued = session.context().passwords().verify(hash, candidate,
                ok -> out.lane().execute(() -> passwordChecked(ok, then)));
        if (!queued) {
            LOG.info("{} password check refused: too many checks waiting", client.address());
            passwordChecked(false, then);
        }
    }

    /** See {@link Session#await}: the lane holds this session's lines until {@code work} completes, as for a password check. */
    <T> void await(CompletableFuture<T> work, BiConsumer<T, Throwable> then) {
        if (checkingPassword) { // e.g. a JOIN's replay and a login's waiting messages: answered in the order asked
            laterWaits.add(() -> await(work, then));
            return;
        }
        checkingPassword = true;
        out.pauseReading();
        work.whenComplete((value, error) -> out.lane().execute(() -> resumed(() -> then.accept(value,
                error instanceof CompletionException && error.getCause() != null ? error.getCause() : error))));
    }

    private void passwordChecked(boolean ok, Consumer<Boolean> then) {
        resumed(() -> then.accept(ok));
    }

    private void resumed(Runnable first) {
        Runnable then = () -> {
            first.run();
            Runnable next = laterWaits.poll();
            if (next != null && checkingPassword) {
                laterWaits.addFirst(next); // the callback started a wait of its own: that one first
            } else if (next != null) {
                next.run();
            }
        };
        checkingPassword = false;
        if (session.ended()) {
            return;
        }
        out.resumeReading();
        LabeledResponse response = awaitingPassword;
        awaitingPassword = null;
        if (response == null) {
            then.run();
        } else {
            runDiverted(response, then);
            if (checkingPassword) { // it started another check: the response waits for that one
                client.undivert();
                awaitingPassword = response;
            } else {
                keepOpen(response);
            }
        }
        runWaiting();
    }

    private void runWaiting() {
        while (!session.ended() && !checkingPassword && open == null && !waiting.isEmpty()) {
            waiting.poll().run();
        }
    }

    /** The session ended: lines still waiting are dropped. */
    void clear() {
        waiting.clear();
        laterWaits.clear();
    }
}
