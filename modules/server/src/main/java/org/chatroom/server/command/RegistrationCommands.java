package org.chatroom.server.command;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;

/** CAP, PASS, NICK, USER, PING, PONG and QUIT: what a connection may say before it is registered. */
final class RegistrationCommands {
    private static final Logger LOG = LogManager.getLogger();
    private static final int MAX_USER_LENGTH = 10;
    static final int MAX_REALNAME_LENGTH = 64;

    private RegistrationCommands() {
    }

    static void register(CommandDispatcher d) {
        d.add("CAP", 1, true, RegistrationCommands::cap);
        d.add("PASS", 1, true, RegistrationCommands::pass);
        d.add("NICK", 0, true, RegistrationCommands::nick);
        d.add("USER", 4, true, RegistrationCommands::user);
        d.add("PING", 0, true, RegistrationCommands::ping);
        d.add("PONG", 0, true, (s, m) -> { }); // any input resets the idle timer; nothing else to do
        d.add("QUIT", 0, true, (s, m) -> s.quit(m.param(0) == null || m.param(0).isEmpty()
                ? "Quit" : "Quit: " + m.param(0)));
    }

    private static void cap(Session s, IrcMessage m) {
        Client c = s.client();
        String target = c.registered() ? c.nick() : "*";
        String server = s.context().config().get(ServerConfigKeys.SERVER_NAME);
        switch (m.param(0).toUpperCase(java.util.Locale.ROOT)) {
            case "LS" -> {
                if (!c.registered()) {
                    s.registration().capNegotiating(true);
                }
                if (m.param(1) != null && m.param(1).matches("\\d{3}") && Integer.parseInt(m.param(1)) >= 302) {
                    s.registration().capVersion(302);
                    c.cap(Cap.CAP_NOTIFY, true); // CAP LS 302 implies cap-notify
                }
                s.send(IrcMessage.from(server, "CAP", target, "LS", s.registration().capVersion() >= 302
                        ? Capabilities.SUPPORTED_302 : Capabilities.SUPPORTED));
            }
            case "LIST" -> s.send(IrcMessage.from(server, "CAP", target, "LIST", Cap.describe(c.caps())));
            case "REQ" -> capRequest(s, m, server, target);
            case "END" -> {
                if (!c.registered() && s.registration().capNegotiating()) {
                    s.registration().capNegotiating(false);
                    if (s.registration().ready()) {
                        s.completeRegistration();
                    }
                }
            }
            default -> s.reply(Numeric.ERR_INVALIDCAPCMD, m.param(0));
        }
    }

    private static void capRequest(Session s, IrcMessage m, String server, String target) {
        String requested = m.param(1) == null ? "" : m.param(1).strip();
        List<String> names = new ArrayList<>();
        for (String word : requested.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (Cap.fromWire(word.startsWith("-") ? word.substring(1) : word) == null) {
                s.send(IrcMessage.from(server, "CAP", target, "NAK", requested));
                return; // all or nothing (IRCv3 capability negotiation)
            }
            names.add(word);
        }
        if (!s.client().registered()) {
            s.registration().capNegotiating(true);
        }
        for (String word : names) {
            boolean on = !word.startsWith("-");
            s.client().cap(Cap.fromWire(on ? word : word.substring(1)), on);
        }
        s.send(IrcMessage.from(server, "CAP", target, "ACK", requested));
    }

    private static void pass(Session s, IrcMessage m) {
        if (s.client().registered()) {
            s.reply(Numeric.ERR_ALREADYREGISTERED);
            return;
        }
        java.util.Optional<PasswordHash> hash = s.context().config().get(ServerConfigKeys.SERVER_PASSWORD);
        if (hash.isEmpty()) {
            return; // no password configured: PASS is harmless, as on other servers
        }
        s.verifyPassword(hash.get(), m.param(0), ok -> {
            if (ok) {
                s.registration().passwordAccepted(true);
            } else {
                LOG.info("{} sent a wrong server password", s.client().address());
                s.reply(Numeric.ERR_PASSWDMISMATCH);
                s.quit("Bad password");
            }
        });
    }

    private static void nick(Session s, IrcMessage m) {
        Client c = s.client();
        String nick = m.param(0);
        if (nick == null || nick.isEmpty()) {
            s.reply(Numeric.ERR_NONICKNAMEGIVEN);
            return;
        }
        int max = s.context().config().get(ServerConfigKeys.NICK_LENGTH);
        String problem = NameRules.nickProblem(nick, max);
        if (problem != null) {
            s.reply(Numeric.ERR_ERRONEUSNICKNAME, nick);
            return;
        }
        if (nick.equals(c.nick())) {
            return;
        }
        var cluster = s.context().cluster();
        if (cluster.on() && !ChatRegistry.MAPPING.equals(nick, c.nick())) {
            // claimed on every node first (433 for the loser of a race), then here as on a daemon alone
            s.await(cluster.claimNick(c, nick), (ok, error) -> {
                if (error != null || !Boolean.TRUE.equals(ok)) {
                    s.reply(Numeric.ERR_NICKNAMEINUSE, nick);
                    return;
                }
                String before = c.nick();
                boolean wasRegistered = c.registered(); // a registered user's old nick is released by nickChanged
                if (!takeNick(s, nick)) {
                    cluster.releaseNick(c, nick);
                } else if (!wasRegistered && !"*".equals(before)) {
                    cluster.releaseNick(c, before);
                }
            });
            return;
        }
        takeNick(s, nick);
    }

    /** The local half of NICK: true if {@code c} now holds {@code nick} here (else 433 was sent). */
    private static boolean takeNick(Session s, String nick) {
        Client c = s.client();
        if (!c.registered()) {
            if (!s.context().registry().claimNick(c, nick)) {
                s.reply(Numeric.ERR_NICKNAMEINUSE, nick);
                return false;
            }
            s.registration().nickGiven(true);
            if (s.registration().ready()) {
                s.completeRegistration();
            }
            return true;
        }
        if (!changeNick(s, nick)) {
            s.reply(Numeric.ERR_NICKNAMEINUSE, nick);
            return false;
        }
        NickGuard.check(s);
        return true;
    }

    /** A registered user takes {@code nick}, told to them and their peers; false if someone holds it. */
    static boolean changeNick(Session s, String nick) {
        Client c = s.client();
        String oldPrefix = c.prefix();
        String oldNick = c.nick();
        if (!s.context().registry().claimNick(c, nick)) {
            return false;
        }
        LOG.info("{} is now known as {}", oldNick, nick);
        s.context().events().fire(l -> l.nickChanged(oldNick, nick));
        OutboundLine line = OutboundLine.of(IrcMessage.from(oldPrefix, "NICK", nick));
        s.context().history().inRooms(c.rooms(), line, c.account());
        s.context().cluster().nickChanged(c, oldNick, line);
        c.send(line);
        for (Client peer : s.context().registry().peersOf(c)) {
            peer.send(line);
        }
        if (!ChatRegistry.MAPPING.equals(oldNick, nick)) { // a change of case leaves the nick online
            MonitorCommands.wentOffline(s.context(), oldNick);
            MonitorCommands.cameOnline(s.context(), c);
        }
        return true;
    }

    private static void user(Session s, IrcMessage m) {
        Client c = s.client();
        if (c.registered() || s.registration().userGiven()) {
            s.reply(Numeric.ERR_ALREADYREGISTERED);
            return;
        }
        if (m.param(0).isEmpty() || m.param(3).isEmpty()) {
            s.reply(Numeric.ERR_NEEDMOREPARAMS, "USER"); // Modern IRC: an empty username or realname is a missing one
            return;
        }
        c.user("~" + cleanUser(m.param(0)), truncate(m.param(3), MAX_REALNAME_LENGTH));
        s.registration().userGiven(true);
        if (s.registration().ready()) {
            s.completeRegistration();
        }
    }

    private static void ping(Session s, IrcMessage m) {
        if (m.param(0) == null || m.param(0).isEmpty()) {
            s.reply(Numeric.ERR_NOORIGIN);
            return;
        }
        String server = s.context().config().get(ServerConfigKeys.SERVER_NAME);
        s.send(IrcMessage.from(server, "PONG", server, m.param(0)));
    }

    /** A user name fit for a prefix: letters, digits, '.', '_' and '-', at most 10. */
    static String cleanUser(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length() && sb.length() < MAX_USER_LENGTH; i++) {
            char ch = raw.charAt(i);
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '.' || ch == '_' || ch == '-') {
                sb.append(ch);
            }
        }
        return sb.length() == 0 ? "user" : sb.toString();
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair into invalid UTF-16
        }
        return text.substring(0, end);
    }
}
