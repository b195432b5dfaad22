package org.chatroom.server.command;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Client;

/** MODE on rooms (query, flags C/i/m/n/s/t, k, l, o, v, the lists b/e/I) and on oneself (+i, +B). */
final class ModeCommands {
    private static final Logger LOG = LogManager.getLogger();
    /** Mode changes that take a parameter, per MODE command (005 MODES). */
    static final int MAX_PARAM_MODES = 4;
    private static final int MAX_KEY_LENGTH = 23;

    private ModeCommands() {
    }

    static void register(CommandDispatcher d) {
        d.add("MODE", 1, false, ModeCommands::mode);
    }

    private static void mode(Session s, IrcMessage m) {
        if (NameRules.isRoomName(m.param(0))) {
            roomMode(s, m);
        } else {
            UserModes.handle(s, m);
        }
    }

    private static void roomMode(Session s, IrcMessage m) {
        Client c = s.client();
        Room room = s.context().registry().rooms().get(m.param(0));
        if (room == null) {
            s.reply(Numeric.ERR_NOSUCHCHANNEL, m.param(0));
            return;
        }
        if (m.params().size() == 1) {
            s.reply(Numeric.RPL_CHANNELMODEIS, room.name(), room.modes().describe(room.contains(c)));
            s.reply(Numeric.RPL_CREATIONTIME, room.name(), Long.toString(room.createdAtMillis() / 1000));
            return;
        }
        String modes = m.param(1);
        if (ListModes.query(s, room, modes, m.params().size())) {
            return;
        }
        if (!room.isOperator(c) && !c.serverOperator()) {
            s.reply(Numeric.ERR_CHANOPRIVSNEEDED, room.name());
            return;
        }
        // Every check and change of one MODE line, and telling the room, as one step under the registry lock:
        // two operators adding the same ban, or racing +l and JOIN, see each other's changes.
        String changed = s.context().registry().atomically(() -> apply(s, room, modes, m.params().subList(2, m.params().size())));
        if (changed != null) { // logged and saved after the lock: neither needs it, and logging is I/O
            LOG.info("{} set mode {} on {}", s.client().nick(), changed, room.name());
            s.context().roomChanged(room);
        }
    }

    /**
     * Applies what is valid, answers what is not, and tells the room what changed, in one MODE line.
     * Returns the change as logged ({@code +kl key 5}), or null when nothing changed.
     */
    private static String apply(Session s, Room room, String modes, List<String> args) {
        ChatRegistry registry = s.context().registry();
        StringBuilder applied = new StringBuilder();
        List<String> appliedArgs = new ArrayList<>();
        char lastSign = 0;
        boolean adding = true;
        int next = 0;
        int paramModes = 0;
        for (int i = 0; i < modes.length(); i++) {
            char ch = modes.charAt(i);
            if (ch == '+' || ch == '-') {
                adding = ch == '+';
                continue;
            }
            boolean needsArg = ch == 'o' || ch == 'v' || ListModes.isListMode(ch)
                    || (adding && (ch == 'k' || ch == 'l'));
            String arg = null;
            if (needsArg || (ch == 'k' && next < args.size())) {
                if (next >= args.size()) {
                    if (!ListModes.isListMode(ch)) { // "+b" alone in a longer string: nothing to list or set
                        s.reply(Numeric.ERR_NEEDMOREPARAMS, "MODE");
                    }
                    continue;
                }
                if (++paramModes > MAX_PARAM_MODES) {
                    break;
                }
                arg = args.get(next++);
            }
            String result = switch (ch) {
                case 'C', 'i', 'm', 'n', 's', 't' -> flag(registry, room, ch, adding);
                case 'k' -> key(s, registry, room, adding, arg);
                case 'l' -> limit(s, registry, room, adding, arg);
                case 'o', 'v' -> standing(s, registry, room, ch, adding, arg);
                case 'b', 'e', 'I' -> ListModes.change(s, room, ch, adding, arg);
                default -> {
                    s.reply(Numeric.ERR_UNKNOWNMODE, String.valueOf(ch));
                    yield null;
                }
            };
            if (result == null) {
                continue;
            }
            char sign = adding ? '+' : '-';
            if (sign != lastSign) {
                applied.append(sign);
                lastSign = sign;
            }
            applied.append(ch);
            if (!result.isEmpty()) {
                appliedArgs.add(result);
            }
        }
        if (applied.length() == 0) {
            return null;
        }
        List<String> params = new ArrayList<>();
        params.add(room.name());
        params.add(applied.toString());
        params.addAll(appliedArgs);
        Client c = s.client();
        OutboundLine line = OutboundLine.of(new IrcMessage(java.util.Map.of(), c.prefix(), "MODE", params),
                java.util.Map.of(), s.context().history().nextTime(room.key()));
        room.broadcastInOrder(line, s.context().stats()); // under the lock: racing MODEs reach everyone in one order
        s.context().history().room(room.key(), line, c.account());
        String change = (applied + " " + String.join(" ", appliedArgs)).strip();
        s.context().cluster().modes(room, change, line);
        return change;
    }

    /** Each returns null when nothing changed, "" for a change without argument, else the argument to show. */
    private static String flag(ChatRegistry registry, Room room, char ch, boolean on) {
        if (room.modes().flag(ch) == on) {
            return null;
        }
        registry.changeModes(room, modes -> modes.withFlag(ch, on));
        return "";
    }

    private static String key(Session s, ChatRegistry registry, Room room, boolean on, String arg) {
        if (!on) {
            if (room.modes().key() == null) {
                return null;
            }
            registry.changeModes(room, modes -> modes.withKey(null));
            return "*";
        }
        if (!wellFormedKey(arg)) { // a key JOIN could never send (a space, a comma, nothing) would lock everyone out
            s.replyText(Numeric.ERR_INVALIDKEY, "Key must be 1-" + MAX_KEY_LENGTH
                    + " characters without spaces or commas", room.name());
            return null;
        }
        registry.changeModes(room, modes -> modes.withKey(arg));
        return arg;
    }

    static boolean wellFormedKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.startsWith(":")) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch <= ' ' || ch == ',' || ch == 127) {
                return false;
            }
        }
        return true;
    }

    private static String limit(Session s, ChatRegistry registry, Room room, boolean on, String arg) {
        if (!on) {
            if (room.modes().limit() == 0) {
                return null;
            }
            registry.changeModes(room, modes -> modes.withLimit(0));
            return "";
        }
        int n;
        try {
            n = Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n <= 0 || n > 1_000_000) {
            s.replyText(Numeric.ERR_INVALIDMODEPARAM, "Limit must be a number from 1 to 1000000", room.name(), "l", arg);
            return null;
        }
        int limit = n;
        registry.changeModes(room, modes -> modes.withLimit(limit));
        return Integer.toString(limit);
    }

    private static String standing(Session s, ChatRegistry registry, Room room, char ch, boolean on, String nick) {
        Client target = registry.byNick(nick);
        if (target == null) {
            s.reply(Numeric.ERR_NOSUCHNICK, nick);
            return null;
        }
        boolean changed = registry.setMembership(room, target, m -> ch == 'o' ? m.withOp(on) : m.withVoice(on));
        if (!changed) {
            s.reply(Numeric.ERR_USERNOTINCHANNEL, target.nick(), room.name());
            return null;
        }
        return target.nick();
    }
}
