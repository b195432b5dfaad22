package org.chatroom.server.command;

import java.util.function.Consumer;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.state.Client;

/** What a command sees of the connection it runs for. Every method runs on that connection's lane. */
public interface Session {
    Client client();

    ServerContext context();

    /** Registration progress; meaningless once registered. */
    Registration registration();

    /** How fast this user's typing notices may go out (IRCv3 {@code +typing}). */
    TypingPace typingPace();

    /** Sends a line to this client. */
    void send(IrcMessage message);

    /** Sends {@code :server NNN nick params...}, with the numeric's standard text as the last parameter if it has one. */
    void reply(Numeric numeric, String... params);

    /** Like {@link #reply} with {@code text} in place of the numeric's standard text. */
    void replyText(Numeric numeric, String text, String... params);

    /** Leaves every room telling the peers {@code reason}, sends ERROR, closes. Idempotent. */
    void quit(String reason);

    /** Registration finished: the welcome burst and the default room. */
    void completeRegistration();

    /**
     * Checks a password off the lane; until {@code then} runs (on this lane, with the outcome, unless
     * the session ended meanwhile) no further command of this connection is handled. When too many
     * checks wait already the attempt is refused at once: {@code then} gets false.
     */
    void verifyPassword(PasswordHash hash, String candidate, Consumer<Boolean> then);

    /**
     * Waits for work done off the lane (a database read or write, a password hash): reading stops,
     * and {@code then} runs on this lane with the value or the failure, unless the session ended
     * meanwhile; lines read before wait in order, as for {@link #verifyPassword}.
     */
    <T> void await(java.util.concurrent.CompletableFuture<T> work, java.util.function.BiConsumer<T, Throwable> then);
}
