package org.chatroom.swing;

import org.chatroom.client.input.CommandHelp;
import org.chatroom.client.input.InputParser;
import org.chatroom.client.input.Intent;
import org.chatroom.protocol.NameRules;

/**
 * Carries out one input line, as client-core's {@link InputParser} reads it (the console's command
 * set): plain text goes to the selected tab, {@code /commands} do what {@code /help} says. Problems
 * come back as feedback lines in the selected tab.
 */
final class CommandHandler {
    static final int MAX_NICK_LENGTH = InputParser.MAX_NICK_LENGTH;
    static final String[] HELP = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("Commands (plain text goes to the open tab):"),
            CommandHelp.entries(true).stream().map(e -> e.usage() + ": " + e.what())).toArray(String[]::new);

    /** What the presenter offers the commands. */
    interface Target {
        ChatGateway gateway();

        Conversation selected();

        void feedback(String text);

        void openPrivate(String nick, boolean select);

        /** Selects the tab of a room we are in; false if we are not in it. */
        boolean selectRoom(String room);

        void closeTab(Conversation c, String reason);

        void expectReply(String kind, String room);

        void quit(String reason);
    }

    private final Target target;

    CommandHandler(Target target) {
        this.target = target;
    }

    void handle(String input) {
        Intent intent = InputParser.parse(input);
        if (intent instanceof Intent.Say s) {
            say(s.text());
        } else if (intent instanceof Intent.Quit q) {
            target.quit(q.reason());
        } else if (intent instanceof Intent.Help) {
            for (String h : HELP) {
                target.feedback(h);
            }
        } else if (intent instanceof Intent.PrivateMessage m) {
            msg(m.nick(), m.text());
        } else if (intent instanceof Intent.Query q) {
            target.openPrivate(q.nick(), true);
            if (!q.text().isEmpty()) {
                sent(target.gateway().say(q.nick(), q.text()), "message");
            }
        } else if (intent instanceof Intent.Action a) {
            me(a.text());
        } else if (intent instanceof Intent.Join j) {
            if (!target.selectRoom(j.room())) {
                sent(target.gateway().join(j.room()), "join");
            }
        } else if (intent instanceof Intent.Part p) {
            part(p.room() != null ? p.room() : talkTarget(), p.reason());
        } else if (intent instanceof Intent.CloseTab c) {
            target.closeTab(target.selected(), c.reason());
        } else if (intent instanceof Intent.Names n) {
            names(n.room() != null ? n.room() : talkTarget());
        } else if (intent instanceof Intent.Topic t) {
            topic(t.text());
        } else if (intent instanceof Intent.Nick n) {
            sent(target.gateway().changeNick(n.nick()), "nick change");
        } else if (intent instanceof Intent.Away a) {
            sent(target.gateway().away(a.text()), a.text().isEmpty() ? "away status" : "away message");
        } else if (intent instanceof Intent.History h) {
            String to = talkTarget();
            if (to == null) {
                target.feedback("this is the server tab: history belongs to rooms and conversations");
            } else {
                sent(target.gateway().history(to, h.lines()), "history request");
            }
        } else if (intent instanceof Intent.Unknown u) {
            target.feedback(u.message());
        } else if (intent instanceof Intent.Mistake m) {
            target.feedback(m.message());
        }
    }

    /** The room or nick the selected tab talks to, or null for the server tab. */
    private String talkTarget() {
        Conversation c = target.selected();
        return c == null || c.type() == Conversation.Type.SERVER ? null : c.name();
    }

    private void say(String text) {
        String to = talkTarget();
        if (to == null) {
            target.feedback("this is the server tab: /join a room, or /msg someone");
            return;
        }
        sent(target.gateway().say(to, text), "message");
    }

    private void msg(String nick, String text) {
        if (!NameRules.isRoomName(nick)) {
            target.openPrivate(nick, true);
        }
        sent(target.gateway().say(nick, text), "message");
    }

    private void me(String text) {
        String to = talkTarget();
        if (to == null) {
            target.feedback("this is the server tab: /join a room first");
        } else {
            sent(target.gateway().action(to, text), "action");
        }
    }

    private void part(String room, String reason) {
        if (room == null || !NameRules.isRoomName(room)) {
            target.feedback("usage: /part [ROOM] [REASON]");
            return;
        }
        sent(target.gateway().part(room, reason), "part");
    }

    private void names(String room) {
        if (room == null || !NameRules.isRoomName(room)) {
            target.feedback("usage: /names [ROOM]");
            return;
        }
        target.expectReply("names", room);
        sent(target.gateway().names(room), "request");
    }

    private void topic(String text) {
        String room = talkTarget();
        if (room == null || !NameRules.isRoomName(room)) {
            target.feedback("topics belong to rooms: switch to a room tab first");
            return;
        }
        target.expectReply("topic", room);
        sent(text == null ? target.gateway().askTopic(room) : target.gateway().setTopic(room, text), "topic");
    }

    private void sent(boolean ok, String what) {
        if (!ok) {
            target.feedback("not connected: " + what + " not sent");
        }
    }
}
