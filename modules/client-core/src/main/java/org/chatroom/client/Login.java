package org.chatroom.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.chatroom.protocol.IrcMessage;

/**
 * Logs in to the configured account during capability negotiation, before {@code CAP END}: SASL
 * PLAIN (IRCv3 sasl 3.1), after creating the account with {@code REGISTER} (draft/account-registration)
 * when asked to. Any failure ends the session for good with a one-line reason: trying the same
 * password again would fail the same way. The password is sent to the server only, never logged.
 */
final class Login {
    /** AUTHENTICATE carries at most this many base64 characters per line. */
    static final int CHUNK = 400;

    private final Session session;
    private final Credentials credentials;
    private final Runnable done;
    private String mechanisms;
    private boolean created;
    private boolean finished;

    /** @param done ends capability negotiation once logged in */
    Login(Session session, Credentials credentials, Runnable done) {
        this.session = session;
        this.credentials = credentials;
        this.done = done;
    }

    /** True once logged in or failed: nothing more to do. */
    boolean finished() {
        return finished;
    }

    /** The server acknowledged our capabilities: register the account first if asked, then log in. */
    void start(List<String> enabledCaps) {
        if (!enabledCaps.contains("sasl")) {
            fail("the server does not offer logging in (SASL), so account " + credentials.account() + " cannot be used");
        } else if (credentials.create() && !enabledCaps.contains("draft/account-registration")) {
            fail("the server does not let clients create accounts; ask its operator to create " + credentials.account());
        } else if (credentials.create()) {
            session.send(IrcMessage.of("REGISTER", credentials.account(), "*", credentials.password()));
        } else {
            session.send(IrcMessage.of("AUTHENTICATE", "PLAIN"));
        }
    }

    /** Handles what belongs to logging in; true if the message needs no event. */
    boolean handle(IrcMessage msg) {
        if (finished) {
            return false;
        }
        switch (msg.command()) {
            case "AUTHENTICATE" -> {
                if ("+".equals(msg.param(0))) {
                    sendPayload();
                }
                return true;
            }
            case "REGISTER" -> {
                if ("SUCCESS".equals(msg.param(0))) {
                    created = true;
                    session.client().accountCreated();
                    session.send(IrcMessage.of("AUTHENTICATE", "PLAIN")); // the server may have logged us in: 907 then
                } else {
                    fail("account " + credentials.account() + " needs a verification this client cannot do: " + msg.last());
                }
                return true;
            }
            case "FAIL" -> {
                if ("REGISTER".equals(msg.param(0))) {
                    fail("cannot create account " + credentials.account() + ": " + msg.last());
                    return true;
                }
                return false;
            }
            case "900" -> {
                return true; // the account name comes with 903's event
            }
            case "903", "907" -> {
                finished = true;
                session.client().emit(new ChatEvent.LoggedIn(Instant.now(), credentials.account(), created));
                done.run();
                return true;
            }
            case "908" -> {
                mechanisms = msg.param(1);
                return true;
            }
            case "902", "904", "905", "906" -> {
                fail("login to account " + credentials.account() + " failed: "
                        + ("904".equals(msg.command()) && mechanisms == null ? "wrong account name or password" : msg.last())
                        + (mechanisms != null && !mechanisms.contains("PLAIN") ? " (the server offers " + mechanisms + ")" : ""));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** authzid NUL authcid NUL password, base64, in lines of {@link #CHUNK}; "+" ends one that filled the last. */
    private void sendPayload() {
        String payload = Base64.getEncoder().encodeToString(("\0" + credentials.account() + "\0" + credentials.password())
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < payload.length(); i += CHUNK) {
            session.send(IrcMessage.of("AUTHENTICATE", payload.substring(i, Math.min(payload.length(), i + CHUNK))));
        }
        if (payload.length() % CHUNK == 0) {
            session.send(IrcMessage.of("AUTHENTICATE", "+"));
        }
    }

    private void fail(String problem) {
        finished = true;
        session.giveUp(problem, DisconnectCause.LOGIN_FAILED);
    }
}
