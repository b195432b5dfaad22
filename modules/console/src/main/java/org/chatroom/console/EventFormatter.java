package org.chatroom.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.DisconnectCause;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Renders events as lines: {@code [HH:mm] <nick> text}, nicks in their colour, joins/parts/quits/kicks
 * and server chatter muted. Messages to a room other than the current one name their room.
 * Rendering to plain text is {@link AttributedString#toString()}.
 */
final class EventFormatter {
    static final AttributedStyle MUTED = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private final Supplier<String> currentRoom;

    EventFormatter(ZoneId zone, Supplier<String> currentRoom) {
        this.zone = zone;
        this.currentRoom = currentRoom;
    }

    /** The line for {@code event} (several for history), or null when it is not worth showing. */
    AttributedString format(ChatEvent event) {
        if (event instanceof ChatEvent.History h) {
            return history(h);
        }
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append("[" + HH_MM.format(event.time().atZone(zone)) + "] ", MUTED);
        if (event instanceof ChatEvent.RoomMessage m) {
            roomTag(b, m.room());
            nick(b, "<", m.nick(), "> ");
            b.append(m.text());
        } else if (event instanceof ChatEvent.PrivateMessage m) {
            b.append(m.self() ? "-> " : "", MUTED);
            nick(b, "*", m.peer(), "* ");
            b.append(m.text());
        } else if (event instanceof ChatEvent.Action a) {
            if (a.inRoom()) {
                roomTag(b, a.target());
            } else if (a.self()) {
                b.append("-> " + a.target() + " ", MUTED);
            }
            b.append("* ");
            b.append(a.nick(), NickColors.styleOf(a.nick()));
            b.append(" " + a.text());
        } else if (event instanceof ChatEvent.Pending p) {
            b.append("(pending) ", MUTED);
            roomTag(b, p.target());
            if (p.action()) {
                b.append("* " + p.nick() + " " + p.text(), MUTED);
            } else {
                b.append("<" + p.nick() + "> " + p.text(), MUTED);
            }
            b.append(" - sent once reconnected", MUTED);
        } else if (event instanceof ChatEvent.Notice n) {
            if (n.fromServer()) {
                b.append("-" + n.from() + "- " + n.text(), MUTED);
            } else {
                nick(b, "-", n.from(), "- ");
                b.append(n.text());
            }
        } else if (event instanceof ChatEvent.Joined j) {
            b.append("--> " + (j.self() ? "you joined " : j.nick() + " joined ") + j.room(), MUTED);
        } else if (event instanceof ChatEvent.Parted p) {
            b.append("<-- " + (p.self() ? "you left " : p.nick() + " left ") + p.room() + reason(p.reason()), MUTED);
        } else if (event instanceof ChatEvent.Quit q) {
            b.append("<-- " + q.nick() + " quit" + reason(q.reason()), MUTED);
        } else if (event instanceof ChatEvent.Kicked k) {
            String who = k.self() ? "you were" : k.nick() + " was";
            b.append("<-- " + who + " kicked from " + k.room() + (k.by() == null ? "" : " by " + k.by())
                    + reason(k.reason()), k.self() ? ERROR : MUTED);
        } else if (event instanceof ChatEvent.NickChanged n) {
            b.append("--- " + (n.self() ? "you are" : n.oldNick() + " is") + " now known as " + n.newNick(), MUTED);
        } else if (event instanceof ChatEvent.Topic t) {
            String text;
            if (t.changed()) {
                text = t.topic().isEmpty() ? t.setBy() + " cleared the topic of " + t.room()
                        : t.setBy() + " set the topic of " + t.room() + ": " + t.topic();
            } else {
                text = t.topic().isEmpty() ? t.room() + " has no topic" : "topic of " + t.room() + ": " + t.topic();
            }
            b.append("--- " + text, MUTED);
        } else if (event instanceof ChatEvent.Names n) {
            b.append("--- in " + n.room() + " (" + n.entries().size() + "): " + String.join(" ", n.entries()), MUTED);
        } else if (event instanceof ChatEvent.LoggedIn l) {
            b.append("--- logged in as " + l.account() + (l.created() ? " (account created)" : ""), MUTED);
        } else if (event instanceof ChatEvent.ServerError e) {
            b.append("!!! " + e.text(), ERROR);
        } else if (event instanceof ChatEvent.ServerInfo i) {
            b.append("--- " + i.text(), MUTED);
        } else if (event instanceof ConnectionState s) {
            String text = state(s);
            if (text == null) {
                return null;
            }
            b.append(text, text.startsWith("!!!") ? ERROR : MUTED);
        } else {
            return null;
        }
        return b.toAttributedString();
    }

    /**
     * History as a heading and one muted line per message with its date: set apart from live lines,
     * which are in colour and show the time only.
     */
    private AttributedString history(ChatEvent.History h) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        int n = h.lines().size();
        String count = n + (n == 1 ? " line" : " lines");
        b.append(switch (h.kind()) {
            case JOINED -> "--- earlier in " + h.target() + " (" + count + "):";
            case MISSED -> "--- missed in " + h.target() + " while away (" + count + "):";
            case OLDER -> n == 0 ? "--- nothing older in " + h.target() : "--- older in " + h.target() + " (" + count + "):";
        }, MUTED);
        for (ChatEvent line : h.lines()) {
            AttributedString one = format(line);
            if (one == null) {
                continue;
            }
            String plain = one.toString();
            String body = plain.startsWith("[") && plain.indexOf("] ") > 0 ? plain.substring(plain.indexOf("] ") + 2) : plain;
            b.append("\n");
            b.append("[" + DATE_TIME.format(line.time().atZone(zone)) + "] " + body, MUTED);
        }
        return b.toAttributedString();
    }

    private static String state(ConnectionState s) {
        return switch (s.status()) {
            // one line for an outage, not one per attempt: the prompt says "(offline)" until it is over
            case CONNECTING -> s.attempt() > 0 ? null : "--- connecting to " + s.server() + "...";
            case CONNECTED -> "--- connected to " + s.server() + " as " + s.nick();
            case RECONNECTING -> s.attempt() > 1 ? null : "!!! " + s.reason() + "; reconnecting in "
                    + seconds(s.delay().toMillis()) + ", then every few seconds until it is back";
            case DISCONNECTED -> (s.cause() == DisconnectCause.USER_QUIT || s.cause() == DisconnectCause.CLOSED
                    ? "--- " : "!!! ") + "disconnected: " + s.reason();
        };
    }

    private static String seconds(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private void roomTag(AttributedStringBuilder b, String room) {
        String current = currentRoom.get();
        if (current == null || !current.equalsIgnoreCase(room)) {
            b.append(room + " ", MUTED);
        }
    }

    private static void nick(AttributedStringBuilder b, String open, String nick, String close) {
        b.append(open);
        b.append(nick, NickColors.styleOf(nick));
        b.append(close);
    }

    private static String reason(String reason) {
        return reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
    }
}
