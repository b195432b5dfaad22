package org.chatroom.server.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.support.IrcTestClient;

/** Runs one CHATHISTORY request on a quiet client and returns the lines of the batch that answers it. */
final class HistoryQueries {
    private HistoryQueries() {
    }

    /** The batch's inner lines, parsed; fails if no batch came. */
    static List<IrcMessage> batch(IrcTestClient c, String request) throws IOException {
        c.clear();
        c.send(request);
        String start = c.awaitLine(l -> l.contains(" BATCH +"));
        String id = IrcMessage.parse(start).param(0).substring(1);
        c.awaitLine(l -> l.endsWith(" BATCH -" + id));
        List<IrcMessage> out = new ArrayList<>();
        for (String l : c.lines()) {
            IrcMessage m = IrcMessage.parse(l);
            if (id.equals(m.tags().get("batch"))) {
                out.add(m);
            }
        }
        return out;
    }

    /** The text of each PRIVMSG/NOTICE. */
    static List<String> texts(List<IrcMessage> lines) {
        return lines.stream().filter(m -> m.command().equals("PRIVMSG") || m.command().equals("NOTICE"))
                .map(IrcMessage::last).toList();
    }
}
