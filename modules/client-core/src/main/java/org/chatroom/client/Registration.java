package org.chatroom.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.chatroom.protocol.CaseMapping;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;

/**
 * The start of a session on the reader thread: capability negotiation ({@link #WANTED_CAPS}; with an
 * account, {@link Login} before {@code CAP END}), NICK with the {@code nick_}/{@code nick__} fallbacks,
 * USER, then after the
 * MOTD a PING round trip so that the server's own joins have arrived, the rejoin of our rooms, a
 * second round trip, and only then the CONNECTED state.
 */
final class Registration {
    /** What we ask for when offered: history needs batch, server-time and message-tags (for msgid). */
    static final List<String> WANTED_CAPS = List.of("server-time", "echo-message", "message-tags", "batch",
            "draft/chathistory", "draft/read-marker", "sasl", "draft/account-registration");
    private static final String READY_TOKEN = "chatroom-ready";
    private static final String REJOINED_TOKEN = "chatroom-rejoined";

    private final Session session;
    private final String baseNick;
    private final Set<String> rejoin;
    private final Set<String> offeredCaps = new LinkedHashSet<>();
    private final List<String> enabledCaps = new ArrayList<>();
    private final List<String> triedNicks = new ArrayList<>();
    private final Login login;
    private boolean capDone;
    private boolean registered;
    private boolean welcomed;

    Registration(Session session, String nick, Set<String> rejoin) {
        this.session = session;
        this.baseNick = nick;
        this.rejoin = rejoin;
        Credentials credentials = session.client().credentials();
        this.login = credentials == null ? null : new Login(session, credentials, this::endCap);
    }

    void start() {
        ClientConfig cfg = session.config();
        session.send(IrcMessage.of("CAP", "LS", "302"));
        triedNicks.add(baseNick);
        session.send(IrcMessage.of("NICK", baseNick));
        session.send(IrcMessage.of("USER", cfg.user(), "0", "*", cfg.realName()));
    }

    /** Handles what belongs to registration; true if the message needs no event. */
    boolean handle(IrcMessage msg) {
        if (login != null && login.handle(msg)) {
            return true;
        }
        String cmd = msg.command();
        switch (cmd) {
            case "CAP":
                onCap(msg);
                return true;
            case "PONG":
                return onPong(msg.last());
            default:
                break;
        }
        if (cmd.equals(Numeric.RPL_WELCOME.wire()) && login != null && !login.finished()) {
            // a server without CAP welcomes us at once: going on would chat without the account asked for
            session.giveUp("the server does not offer logging in (SASL), so account "
                    + session.client().credentials().account() + " cannot be used", DisconnectCause.LOGIN_FAILED);
            return true;
        }
        if (cmd.equals(Numeric.RPL_WELCOME.wire())) {
            registered = true;
            capDone = true;
            session.registered();
            session.client().registeredAs(msg.param(0), enabledCaps);
        } else if (cmd.equals(Numeric.RPL_ISUPPORT.wire())) {
            onIsupport(msg);
            return true;
        } else if (cmd.equals(Numeric.RPL_ENDOFMOTD.wire()) || cmd.equals(Numeric.ERR_NOMOTD.wire())) {
            if (registered && !welcomed) {
                welcomed = true;
                session.send(IrcMessage.of("PING", READY_TOKEN));
            }
            return true;
        } else if (!registered && cmd.equals(Numeric.ERR_NICKNAMEINUSE.wire())) {
            nextNick(msg);
            return true;
        } else if (!registered && cmd.equals(Numeric.ERR_ERRONEUSNICKNAME.wire())) {
            session.giveUpNick("the server refused the nick " + msg.param(1) + ": " + msg.last());
            return true;
        }
        return false;
    }

    private void onCap(IrcMessage msg) {
        String sub = msg.param(1);
        if (sub == null) {
            return;
        }
        switch (sub) {
            case "LS" -> {
                for (String token : msg.last().split(" ")) {
                    int eq = token.indexOf('=');
                    offeredCaps.add(eq < 0 ? token : token.substring(0, eq));
                }
                boolean more = msg.params().size() > 3 && "*".equals(msg.param(2));
                if (!more && !capDone) {
                    List<String> want = new ArrayList<>();
                    for (String cap : WANTED_CAPS) {
                        if (offeredCaps.contains(cap) && (login != null || !cap.contains("sasl") && !cap.contains("account"))) {
                            want.add(cap);
                        }
                    }
                    if (want.isEmpty()) {
                        capsSettled();
                    } else {
                        session.send(IrcMessage.of("CAP", "REQ", String.join(" ", want)));
                    }
                }
            }
            case "ACK" -> {
                for (String token : msg.last().split(" ")) {
                    if (token.startsWith("-")) {
                        enabledCaps.remove(token.substring(1));
                    } else if (!token.isEmpty() && !enabledCaps.contains(token)) {
                        enabledCaps.add(token);
                    }
                }
                capsSettled();
            }
            case "NAK" -> capsSettled();
            default -> {
                // NEW/DEL need cap-notify, which we do not ask for
            }
        }
    }

    /** The server answered our request: log in first if we have an account, else end negotiation. */
    private void capsSettled() {
        if (capDone) {
            return;
        }
        if (login != null) {
            login.start(enabledCaps);
        } else {
            endCap();
        }
    }

    private void endCap() {
        if (!capDone) {
            capDone = true;
            session.send(IrcMessage.of("CAP", "END"));
        }
    }

    private void nextNick(IrcMessage msg) {
        if (triedNicks.size() > Session.MAX_NICK_FALLBACKS) {
            session.giveUpNick("the nick " + String.join(", ", triedNicks).replaceFirst(", ([^,]*)$", " and $1")
                    + " are all in use; choose another nick");
            return;
        }
        String next = baseNick + "_".repeat(triedNicks.size());
        triedNicks.add(next);
        session.send(IrcMessage.of("NICK", next));
    }

    private void onIsupport(IrcMessage msg) {
        for (int i = 1; i < msg.params().size() - 1; i++) {
            String token = msg.param(i);
            if (token.startsWith("CHATHISTORY=")) {
                session.history().serverLimit(token.substring("CHATHISTORY=".length()));
            } else if (token.startsWith("CASEMAPPING=")) {
                String value = token.substring("CASEMAPPING=".length());
                session.client().members().caseMapping(
                        CaseMapping.ASCII.token().equalsIgnoreCase(value) ? CaseMapping.ASCII : CaseMapping.RFC1459);
            }
        }
    }

    private boolean onPong(String token) {
        RoomMembers members = session.client().members();
        if (READY_TOKEN.equals(token)) {
            List<String> missing = new ArrayList<>();
            for (String room : rejoinTargets()) {
                if (!members.isIn(room)) {
                    missing.add(room);
                }
            }
            if (missing.isEmpty()) {
                session.client().ready(session);
            } else {
                for (String room : missing) {
                    session.send(IrcMessage.of("JOIN", room));
                }
                session.send(IrcMessage.of("PING", REJOINED_TOKEN));
            }
            return true;
        }
        if (REJOINED_TOKEN.equals(token)) {
            session.client().ready(session);
            return true;
        }
        return "keepalive".equals(token);
    }

    private Set<String> rejoinTargets() {
        Set<String> all = new LinkedHashSet<>(rejoin);
        all.addAll(session.config().rooms());
        return all;
    }
}
