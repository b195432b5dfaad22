package org.chatroom.server.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chatroom.server.core.Cap;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Client;

/** PRIVMSG and NOTICE to rooms and nicks. NOTICE never triggers error replies (RFC 2812 3.3.2). */
final class MessageCommands {
    static final int MAX_TARGETS = 4;

    private MessageCommands() {
    }

    static void register(CommandDispatcher d) {
        d.add("PRIVMSG", 0, false, (s, m) -> send(s, m, false));
        d.add("NOTICE", 0, false, (s, m) -> send(s, m, true));
        d.add("TAGMSG", 1, false, MessageCommands::tagmsg);
    }

    private static void send(Session s, IrcMessage m, boolean notice) {
        Client c = s.client();
        if (m.params().isEmpty() || m.param(0).isEmpty()) {
            if (!notice) {
                s.reply(Numeric.ERR_NORECIPIENT, "No recipient given (" + m.command() + ")");
            }
            return;
        }
        String text = m.param(1);
        if (text == null || text.isEmpty()) {
            if (!notice) {
                s.reply(Numeric.ERR_NOTEXTTOSEND);
            }
            return;
        }
        String[] targets = m.param(0).split(",");
        Map<String, String> tags = clientTags(m);
        int used = 0;
        for (String target : targets) {
            if (target.isEmpty()) {
                continue;
            }
            if (++used > MAX_TARGETS) {
                if (!notice) { // NOTICE gets no error replies, so its extras are dropped without a word
                    s.replyText(Numeric.ERR_TOOMANYTARGETS, "Too many recipients (TARGMAX " + m.command() + ":"
                            + MAX_TARGETS + "), not delivered", target);
                }
                continue;
            }
            deliver(s, c, target, m.command(), text, notice, tags);
        }
        c.messageSent();
    }

    /** Client-only tags ({@code +name}) are relayed; anything else a client sends is the server's to set. */
    static Map<String, String> clientTags(IrcMessage m) {
        if (m.tags().isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.tags().forEach((k, v) -> {
            if (k.startsWith("+")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** TAGMSG: tags only, no text, to clients that negotiated message-tags. */
    private static void tagmsg(Session s, IrcMessage m) {
        Client c = s.client();
        Map<String, String> tags = clientTags(m);
        String target = m.param(0);
        List<Client> to;
        String shownTarget;
        if (NameRules.isRoomName(target)) {
            Room room = s.context().registry().rooms().get(target);
            if (room == null) {
                s.reply(Numeric.ERR_NOSUCHCHANNEL, target);
                return;
            }
            if (!maySpeak(room, c)) {
                s.reply(Numeric.ERR_CANNOTSENDTOCHAN, room.name());
                return;
            }
            to = room.members();
            shownTarget = room.name();
        } else {
            Client one = s.context().registry().byNick(target);
            if (one == null) {
                s.reply(Numeric.ERR_NOSUCHNICK, target);
                return;
            }
            to = List.of(one, c);
            shownTarget = one.nick();
        }
        OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), "TAGMSG", shownTarget), tags);
        for (Client r : to) {
            if (r.has(Cap.MESSAGE_TAGS) && (r != c || c.has(Cap.ECHO_MESSAGE))) {
                r.send(line);
            }
        }
    }

    /** +n (members only), +m (operators and voiced only) and +b (banned members are muted). */
    static boolean maySpeak(Room room, Client c) {
        org.chatroom.server.state.Membership m = room.membership(c);
        if (m == null) {
            return !room.modes().noExternal() && !room.modes().moderated() && !room.isBanned(c);
        }
        if (m.canSpeakModerated() || c.serverOperator()) {
            return true;
        }
        return !room.modes().moderated() && !room.isBanned(c);
    }

    private static void deliver(Session s, Client c, String target, String command, String text, boolean notice,
                                Map<String, String> tags) {
        if (NameRules.isRoomName(target)) {
            Room room = s.context().registry().rooms().get(target);
            if (room == null) {
                if (!notice) {
                    s.reply(Numeric.ERR_NOSUCHCHANNEL, target);
                }
                return;
            }
            if (!maySpeak(room, c)) {
                if (!notice) {
                    s.reply(Numeric.ERR_CANNOTSENDTOCHAN, room.name());
                }
                return;
            }
            if (!notice) { // told before delivery: an observer never sees a reply to a message before the message
                String nick = c.nick();
                s.context().events().fire(l -> l.roomMessage(nick, room.name(), text));
            }
            OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), command, room.name(), text), tags);
            room.broadcast(line, c.has(Cap.ECHO_MESSAGE) ? null : c, s.context().stats());
            return;
        }
        Client to = s.context().registry().byNick(target);
        if (to == null) {
            if (!notice) {
                s.reply(Numeric.ERR_NOSUCHNICK, target);
            }
            return;
        }
        OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), command, to.nick(), text), tags);
        to.send(line);
        if (c.has(Cap.ECHO_MESSAGE)) {
            c.send(line);
        }
        String away = to.away();
        if (!notice && away != null) {
            s.reply(Numeric.RPL_AWAY, to.nick(), away);
        }
    }
}
