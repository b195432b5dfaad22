package org.chatroom.console;

import java.util.function.Consumer;
import org.chatroom.client.ChatClient;
import org.chatroom.client.input.CommandHelp;
import org.chatroom.client.input.InputParser;
import org.chatroom.client.input.Intent;

/**
 * Carries out one input line, as client-core's {@link InputParser} reads it: plain text goes to the
 * current room, {@code /commands} do what {@code /help} says. Problems are reported through
 * {@code feedback}, one line each.
 */
final class CommandInterpreter {
    static final String HELP = CommandHelp.aligned(false);

    private final ChatClient client;
    private final RoomFocus focus;
    private final Consumer<String> feedback;

    /** What the session should do after a line. {@code quitReason} is set when it should leave. */
    record Result(boolean quit, String quitReason) {
        static final Result CONTINUE = new Result(false, null);
    }

    CommandInterpreter(ChatClient client, RoomFocus focus, Consumer<String> feedback) {
        this.client = client;
        this.focus = focus;
        this.feedback = feedback;
    }

    Result handle(String input) {
        Intent intent = InputParser.parse(input);
        if (intent instanceof Intent.Quit q) {
            return new Result(true, q.reason());
        }
        run(intent);
        return Result.CONTINUE;
    }

    private void run(Intent intent) {
        if (intent instanceof Intent.Say s) {
            inRoom(room -> sent(client.say(room, s.text()), "message"));
        } else if (intent instanceof Intent.Action a) {
            inRoom(room -> sent(client.action(room, a.text()), "action"));
        } else if (intent instanceof Intent.PrivateMessage m) {
            sent(client.say(m.nick(), m.text()), "message");
        } else if (intent instanceof Intent.Query q) {
            if (q.text().isEmpty()) {
                feedback.accept("usage: /msg NICK TEXT (the console has no tabs to open)");
            } else {
                sent(client.say(q.nick(), q.text()), "message");
            }
        } else if (intent instanceof Intent.Join j) {
            join(j.room());
        } else if (intent instanceof Intent.Part p) {
            part(p.room() != null ? p.room() : focus.current(), p.reason());
        } else if (intent instanceof Intent.CloseTab c) {
            part(focus.current(), c.reason()); // no tabs here: closing the view means leaving its room
        } else if (intent instanceof Intent.Names n) {
            String room = n.room() != null ? n.room() : focus.current();
            if (room == null) {
                feedback.accept(offlineOr("usage: /names [ROOM]"));
            } else {
                sent(client.names(room), "request");
            }
        } else if (intent instanceof Intent.Topic t) {
            inRoom(room -> sent(t.text() == null ? client.topic(room) : client.topic(room, t.text()), "topic"));
        } else if (intent instanceof Intent.Nick n) {
            sent(client.changeNick(n.nick()), "nick change");
        } else if (intent instanceof Intent.Away a) {
            sent(client.away(a.text()), a.text().isEmpty() ? "away status" : "away message");
        } else if (intent instanceof Intent.History h) {
            inRoom(room -> {
                if (client.isConnected() && !client.hasHistory()) {
                    feedback.accept("this server keeps no history (no draft/chathistory)");
                } else {
                    sent(client.history(room, h.lines()), "history request");
                }
            });
        } else if (intent instanceof Intent.Help) {
            feedback.accept(HELP);
        } else if (intent instanceof Intent.Unknown u) {
            feedback.accept(u.message());
        } else if (intent instanceof Intent.Mistake m) {
            feedback.accept(m.message());
        }
    }

    private void inRoom(Consumer<String> action) {
        String room = focus.current();
        if (room == null) {
            feedback.accept(offlineOr("you are in no room: /join one, or /msg someone"));
            return;
        }
        action.accept(room);
    }

    private void join(String room) {
        if (client.rooms().stream().anyMatch(r -> r.equalsIgnoreCase(room))) {
            focus.switchTo(room);
            feedback.accept("now talking in " + room);
            return;
        }
        sent(client.join(room), "join");
    }

    private void part(String room, String reason) {
        if (room == null) {
            feedback.accept(offlineOr("usage: /part [ROOM] [REASON]"));
            return;
        }
        sent(client.part(room, reason), "part");
    }

    /** While offline, not being in a room is no news: say that we are not connected. */
    private String offlineOr(String problem) {
        return client.isConnected() ? problem : "not connected: wait for the connection, or /quit";
    }

    private void sent(boolean ok, String what) {
        if (!ok) {
            feedback.accept("not connected: " + what + " not sent");
        }
    }
}
