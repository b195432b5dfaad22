package org.chatroom.server.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chatroom.server.core.Cap;
import org.chatroom.protocol.Ctcp;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Client;

/**
 * PRIVMSG and NOTICE to rooms, nicks and {@code @#room}/{@code +#room}; TAGMSG. NOTICE never triggers
 * error replies (RFC 2812 3.3.2).
 */
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
        Map<String, String> tags = relayTags(c, m);
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

    /** What goes on a relayed message: the client-only tags, and {@code bot} from a +B user (IRCv3 bot-mode). */
    static Map<String, String> relayTags(Client c, IrcMessage m) {
        Map<String, String> tags = clientTags(m);
        if (!c.bot()) {
            return tags;
        }
        Map<String, String> out = new LinkedHashMap<>(tags);
        out.put("bot", "");
        return out;
    }

    /** TAGMSG: tags only, no text, to clients that negotiated message-tags. */
    private static void tagmsg(Session s, IrcMessage m) {
        Client c = s.client();
        Map<String, String> tags = relayTags(c, m);
        String target = m.param(0);
        String typing = tags.get("+typing");
        if (typing != null && !s.typingPace().allow(ChatRegistry.MAPPING.fold(target), typing, System.nanoTime())) {
            tags = new LinkedHashMap<>(tags);
            tags.remove("+typing"); // faster than the spec's pace: this notice is dropped, the rest goes on
            if (tags.isEmpty() || tags.keySet().equals(java.util.Set.of("bot"))) {
                return;
            }
        }
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
        Room room = NameRules.isRoomName(target) ? s.context().registry().rooms().get(target) : null;
        boolean keep = room != null && kept(tags);
        OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), "TAGMSG", shownTarget), tags,
                keep ? s.context().history().nextTime(room.key()) : System.currentTimeMillis()).withAccount(c.account());
        if (keep) {
            s.context().history().room(room.key(), line, c.account());
        }
        for (Client r : to) {
            if (r.has(Cap.MESSAGE_TAGS) && (r != c || c.has(Cap.ECHO_MESSAGE))) {
                r.send(line);
            }
        }
        if (room != null) {
            s.context().cluster().roomMessage(c, room, "TAGMSG", "", line);
        } else if (to.get(0).ghost()) {
            s.context().cluster().privateMessage(c, to.get(0), "TAGMSG", "", line);
        }
    }

    /** A TAGMSG is history when it carries a client tag other than {@code +typing} (a reaction, a reply). */
    private static boolean kept(Map<String, String> tags) {
        for (String k : tags.keySet()) {
            if (k.startsWith("+") && !k.equals("+typing")) {
                return true;
            }
        }
        return false;
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
        char status = StatusMessage.prefixOf(target);
        String roomName = status == 0 ? target : target.substring(1);
        if (status != 0 || NameRules.isRoomName(target)) {
            Room room = s.context().registry().rooms().get(roomName);
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
            if (room.modes().noCtcp() && text.charAt(0) == Ctcp.DELIMITER && !Ctcp.isAction(text)) {
                if (!notice) {
                    s.replyText(Numeric.ERR_CANNOTSENDTOCHAN, "Cannot send CTCP to channel (+C)", room.name());
                }
                return;
            }
            if (status != 0) {
                String shown = status + room.name();
                OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), command, shown, text), tags);
                StatusMessage.deliver(c, status, room, line);
                return;
            }
            if (!notice) { // told before delivery: an observer never sees a reply to a message before the message
                String nick = c.nick();
                s.context().events().fire(l -> l.roomMessage(nick, room.name(), text));
            }
            var history = s.context().history();
            OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), command, room.name(), text), tags,
                    history.nextTime(room.key())).withAccount(c.account());
            room.broadcast(line, c.has(Cap.ECHO_MESSAGE) ? null : c, s.context().stats());
            history.room(room.key(), line, c.account());
            s.context().cluster().roomMessage(c, room, command, text, line);
            return;
        }
        Client to = s.context().registry().byNick(target);
        if (to == null) {
            PrivateHistory.toOffline(s, target, command, text, notice, tags);
            return;
        }
        if (to.ghost() && !s.context().cluster().reachable()) { // said, never silently dropped
            if (!notice) {
                StandardReplies.failOrNotice(s, command, "UNREACHABLE", "The node of " + to.nick()
                        + " cannot be reached right now (the cluster lost Redis); not delivered", to.nick());
            }
            return;
        }
        OutboundLine line = PrivateHistory.toOnline(s, to, command, text, tags);
        if (to.ghost()) {
            s.context().cluster().privateMessage(c, to, command, text, line);
        }
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
