package org.chatroom.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;

/**
 * Turns server messages into {@link ChatEvent}s on the reader thread, keeping {@link RoomMembers}
 * up to date on the way. Only what a user should see becomes an event.
 */
final class EventTranslator {
    private static final Map<String, Numeric> NUMERICS = new HashMap<>();

    static {
        for (Numeric n : Numeric.values()) {
            NUMERICS.put(n.wire(), n);
        }
    }

    private final ChatClient client;
    private final Session session;
    private final RoomMembers members;
    /** NAMES entries collected from 353 until 366, by folded room name. */
    private final Map<String, List<String>> pendingNames = new HashMap<>();

    EventTranslator(ChatClient client, Session session) {
        this.client = client;
        this.session = session;
        this.members = client.members();
    }

    void handle(IrcMessage msg) {
        Instant time = timeOf(msg);
        switch (msg.command()) {
            case "PING" -> session.send(msg.params().isEmpty() ? IrcMessage.of("PONG") : IrcMessage.of("PONG", msg.last()));
            case "PRIVMSG", "NOTICE" -> message(msg, time);
            case "JOIN" -> join(msg, time);
            case "PART" -> part(msg, time);
            case "QUIT" -> client.emit(new ChatEvent.Quit(time, msg.sourceNick(), orEmpty(msg.param(0)),
                    members.quit(msg.sourceNick())));
            case "KICK" -> kick(msg, time);
            case "NICK" -> nick(msg, time);
            case "TOPIC" -> client.emit(new ChatEvent.Topic(time, msg.param(0), orEmpty(msg.param(1)),
                    msg.sourceNick(), true));
            case "ERROR" -> {
                // ERROR always ends the link, and the connection state that follows carries its text:
                // an event here would say "Closing link ..." twice
            }
            default -> {
                if (msg.isNumeric()) {
                    numeric(msg, time);
                }
            }
        }
    }

    /** A live message: shown, and remembered as the newest line of its conversation for the gap fill. */
    private void message(IrcMessage msg, Instant time) {
        boolean self = isMe(msg.sourceNick());
        ChatEvent event = MessageEvents.of(msg, time, self);
        if (event == null) {
            return;
        }
        Instant serverTime = MessageEvents.serverTime(msg);
        boolean fromUser = !(event instanceof ChatEvent.Notice n && n.fromServer());
        if (serverTime != null && fromUser
                && !client.history().seen(MessageEvents.conversation(msg, self), serverTime, msg.tags().get("msgid"))) {
            return; // came already, from history (a server plays missed private messages at login, say)
        }
        client.emit(event);
    }

    private void join(IrcMessage msg, Instant time) {
        String nick = msg.sourceNick();
        String room = msg.param(0);
        boolean self = isMe(nick);
        if (self) {
            members.joined(room);
        }
        members.addMember(room, nick);
        client.emit(new ChatEvent.Joined(time, room, nick, self));
        if (self) {
            session.history().joined(room, MessageEvents.serverTime(msg));
        }
    }

    private void part(IrcMessage msg, Instant time) {
        String nick = msg.sourceNick();
        String room = msg.param(0);
        boolean self = isMe(nick);
        if (self) {
            members.left(room);
        } else {
            members.removeMember(room, nick);
        }
        client.emit(new ChatEvent.Parted(time, room, nick, orEmpty(msg.param(1)), self));
    }

    private void kick(IrcMessage msg, Instant time) {
        String room = msg.param(0);
        String victim = msg.param(1);
        String reason = orEmpty(msg.param(2));
        boolean self = isMe(victim);
        if (self) {
            members.left(room);
            session.selfKicked(reason);
        } else {
            members.removeMember(room, victim);
        }
        client.emit(new ChatEvent.Kicked(time, room, victim, msg.sourceNick(), reason, self));
    }

    private void nick(IrcMessage msg, Instant time) {
        String oldNick = msg.sourceNick();
        String newNick = msg.param(0);
        boolean self = isMe(oldNick);
        if (self) {
            client.nickChanged(newNick);
        }
        members.rename(oldNick, newNick);
        client.emit(new ChatEvent.NickChanged(time, oldNick, newNick, self));
    }

    private void numeric(IrcMessage msg, Instant time) {
        Numeric n = NUMERICS.get(msg.command());
        if (n != null) {
            switch (n) {
                case RPL_TOPIC -> {
                    client.emit(new ChatEvent.Topic(time, msg.param(1), orEmpty(msg.last()), null, false));
                    return;
                }
                case RPL_NOTOPIC -> {
                    client.emit(new ChatEvent.Topic(time, msg.param(1), "", null, false));
                    return;
                }
                case RPL_NAMREPLY -> {
                    String room = msg.param(msg.params().size() - 2);
                    List<String> entries = pendingNames.computeIfAbsent(members.caseMapping().fold(room),
                            k -> new ArrayList<>());
                    entries.addAll(Arrays.asList(msg.last().trim().split(" +")));
                    entries.remove("");
                    return;
                }
                case RPL_ENDOFNAMES -> {
                    String room = msg.param(1);
                    List<String> entries = pendingNames.remove(members.caseMapping().fold(room));
                    List<String> list = entries == null ? List.of() : entries;
                    List<String> nicks = new ArrayList<>();
                    for (String e : list) {
                        nicks.add(RoomMembers.bareNick(e));
                    }
                    members.setMembers(room, nicks);
                    client.emit(new ChatEvent.Names(time, room, list));
                    return;
                }
                case RPL_TOPICWHOTIME, RPL_MYINFO, RPL_ISUPPORT, RPL_ENDOFMOTD, RPL_ENDOFWHO, RPL_ENDOFWHOIS -> {
                    return;
                }
                default -> {
                    // shown below
                }
            }
        }
        String text = numericText(msg);
        int code = Integer.parseInt(msg.command());
        if (code >= 400 && code < 600) {
            client.emit(new ChatEvent.ServerError(time, msg.command(), text));
        } else {
            client.emit(new ChatEvent.ServerInfo(time, msg.command(), text));
        }
    }

    /**
     * A numeric's parameters after our nick: {@code "bob: No such nick/channel"}, but counts read as
     * a sentence ({@code 254 me 1 :channels formed} is "1 channels formed", not "1: channels formed").
     */
    static String numericText(IrcMessage msg) {
        List<String> p = msg.params();
        if (p.size() <= 1) {
            return p.isEmpty() ? "" : p.get(0);
        }
        if (p.size() == 2) {
            return p.get(1);
        }
        List<String> middle = p.subList(1, p.size() - 1);
        boolean counts = middle.stream().allMatch(m -> m.chars().allMatch(Character::isDigit));
        return String.join(" ", middle) + (counts ? " " : ": ") + p.get(p.size() - 1);
    }

    private boolean isMe(String nick) {
        return members.sameName(nick, client.nick());
    }

    private static Instant timeOf(IrcMessage msg) {
        return MessageEvents.timeOf(msg);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
