package org.chatroom.client;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.chatroom.protocol.Ctcp;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;
import org.chatroom.protocol.Prefix;

/**
 * PRIVMSG and NOTICE as events, the same for a line that comes live and one from history: neither
 * changes any state, so {@link EventTranslator} and {@link HistoryReceiver} share it.
 */
final class MessageEvents {
    private MessageEvents() {
    }

    /** The event for a PRIVMSG or NOTICE; null for CTCP requests (VERSION, PING…) and other commands. */
    static ChatEvent of(IrcMessage msg, Instant time, boolean self) {
        return switch (msg.command()) {
            case "PRIVMSG" -> privmsg(msg, time, self);
            case "NOTICE" -> notice(msg, time);
            default -> null;
        };
    }

    /** The conversation a PRIVMSG or NOTICE belongs to: its room, or the other party of a private one. */
    static String conversation(IrcMessage msg, boolean self) {
        String target = msg.param(0);
        return target != null && NameRules.isRoomName(target) || self ? target : msg.sourceNick();
    }

    /** The message's {@code server-time}, or now when it has none (or a bad one: not worth dropping it for). */
    static Instant timeOf(IrcMessage msg) {
        Instant t = serverTime(msg);
        return t != null ? t : Instant.now();
    }

    /** The message's {@code server-time} tag, or null. */
    static Instant serverTime(IrcMessage msg) {
        String t = msg.tags().get("time");
        if (t != null) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static ChatEvent privmsg(IrcMessage msg, Instant time, boolean self) {
        String from = msg.sourceNick();
        String target = msg.param(0);
        String text = orEmpty(msg.param(1));
        boolean room = NameRules.isRoomName(target);
        if (Ctcp.isAction(text)) {
            String where = room || self ? target : from;
            return new ChatEvent.Action(time, where, from, Ctcp.actionText(text), self);
        } else if (!text.isEmpty() && text.charAt(0) == Ctcp.DELIMITER) {
            return null;
        } else if (room) {
            return new ChatEvent.RoomMessage(time, target, from, text, self);
        }
        return new ChatEvent.PrivateMessage(time, from, target, text, self);
    }

    private static ChatEvent notice(IrcMessage msg, Instant time) {
        String text = orEmpty(msg.last());
        if (!text.isEmpty() && text.charAt(0) == Ctcp.DELIMITER) {
            return null;
        }
        Prefix p = msg.source() == null ? null : Prefix.parse(msg.source());
        boolean fromServer = p == null || p.user() == null && p.host() == null;
        String from = p == null ? "" : p.nick();
        return new ChatEvent.Notice(time, from, orEmpty(msg.param(0)), text, fromServer);
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
