package org.chatroom.client;

import java.time.Instant;
import org.chatroom.protocol.Ctcp;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;

/**
 * What the user types, on its way out: split to fit a line, echoed locally when the server does not
 * echo, or held in the {@link Outbox} while reconnecting and sent in order once back.
 */
final class TextSender {
    private final ChatClient client;
    private final ConnectionSupervisor supervisor;
    private final Outbox outbox = new Outbox();

    TextSender(ChatClient client, ConnectionSupervisor supervisor) {
        this.client = client;
        this.supervisor = supervisor;
    }

    int pendingCount() {
        return outbox.size();
    }

    void clear() {
        outbox.clear();
    }

    boolean sendOrHold(String target, String text, boolean action) {
        String to = word(target, "target");
        if (!supervisor.underway()) {
            return false;
        }
        boolean held;
        try {
            held = outbox.holdIfNeeded(new Outbox.Held(to, text, action), supervisor.live() != null);
        } catch (IllegalStateException full) {
            return false;
        }
        if (!held) {
            return sendText("PRIVMSG", to, text, action);
        }
        client.emit(new ChatEvent.Pending(Instant.now(), to, client.nick(), text, action));
        if (supervisor.live() != null) {
            sendHeld(); // it came back while we queued: go now, behind the older ones
        }
        return true;
    }

    void sendHeld() {
        for (Outbox.Held h = outbox.start(); h != null; h = outbox.next()) {
            sendText("PRIVMSG", h.target(), h.text(), h.action());
        }
    }

    boolean sendText(String command, String target, String text, boolean action) {
        String to = word(target, "target");
        Session s = supervisor.live();
        if (s == null) {
            return false;
        }
        int budget = MessageSplitter.budget(command, to) - (action ? 9 : 0);
        boolean echo = !client.enabledCapabilities().contains("echo-message") && "PRIVMSG".equals(command);
        boolean ok = true;
        for (String piece : MessageSplitter.split(text, budget)) {
            ok &= s.sendIfRegistered(IrcMessage.of(command, to, action ? Ctcp.action(piece) : piece));
            if (ok && echo) {
                client.emit(localEcho(to, piece, action));
            }
        }
        return ok;
    }

    private ChatEvent localEcho(String target, String text, boolean action) {
        Instant now = Instant.now();
        String nick = client.nick();
        if (action) {
            return new ChatEvent.Action(now, target, nick, text, true);
        }
        return NameRules.isRoomName(target)
                ? new ChatEvent.RoomMessage(now, target, nick, text, true)
                : new ChatEvent.PrivateMessage(now, nick, target, text, true);
    }

    static String word(String value, String what) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c == ' ' || c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException(what + " must be one word: '" + value + "'");
        }
        return value;
    }

    static String oneLine(String text) {
        return text.replaceAll("[\r\n\0]+", " ");
    }
}
