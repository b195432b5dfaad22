package org.chatroom.server.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.core.Cap;

/**
 * IRCv3 standard replies: {@code FAIL|WARN|NOTE <command> <code> [context...] :description}. The
 * codes a spec defines for its own feature (UTF8ONLY's {@code INVALID_UTF8}, setname's
 * {@code INVALID_REALNAME}) go to every client; the {@code standard-replies} capability says a
 * client takes any other.
 */
final class StandardReplies {
    /** UTF8ONLY's wording: what was wrong and what the client must do. */
    static final String UTF8_REJECTED = "Message rejected, your IRC software MUST use UTF-8 encoding on this network";
    static final String UTF8_REPLACED = "Your message was not correctly encoded as UTF-8 and had to be modified";

    private StandardReplies() {
    }

    static void fail(Session s, String command, String code, String description, String... context) {
        s.send(of(s, "FAIL", command, code, description, context));
    }

    /** A reply no spec gives to every client: FAIL with {@code standard-replies}, else a NOTICE saying the same. */
    static void failOrNotice(Session s, String command, String code, String description, String... context) {
        if (s.client().has(Cap.STANDARD_REPLIES)) {
            fail(s, command, code, description, context);
        } else {
            s.send(IrcMessage.from(s.context().config().get(ServerConfigKeys.SERVER_NAME), "NOTICE", s.client().nick(),
                    command + ": " + description));
        }
    }

    static void warn(Session s, String command, String code, String description, String... context) {
        s.send(of(s, "WARN", command, code, description, context));
    }

    static IrcMessage of(Session s, String type, String command, String code, String description, String... context) {
        List<String> params = new ArrayList<>(context.length + 3);
        params.add(command == null || command.isEmpty() ? "*" : command);
        params.add(code);
        for (String c : context) {
            params.add(NumericReply.middle(c));
        }
        params.add(description);
        return new IrcMessage(Map.of(), s.context().config().get(ServerConfigKeys.SERVER_NAME), type, params);
    }
}
